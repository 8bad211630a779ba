using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Puente.Cli;
using Puente.Core.Warning;
using Puente.Data;
using Puente.Data.Access;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests;

/// <summary><c>puente indicators import-cbp</c> and <c>puente alerts backtest</c> against a real SQLite data directory, on
/// the real southwest border files and the four crises of docs/early-warning-defaults.md.</summary>
public sealed class BacktestCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("puente-cli-backtest-").FullName;

    private const string SouthwestLine = "CBP-USBP-SW (U.S. Border Patrol encounters, Southwest Land Border)";

    /// <summary>The import command as <c>puente indicators import-cbp</c> (the indicators command attaches it).</summary>
    private async Task<(int Code, string Out, string Err)> ImportCbpAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var dataDir = new Option<string?>("--data-dir") { Recursive = true };
        var root = new RootCommand("test") { dataDir };
        root.Subcommands.Add(new Command("indicators") { CbpImportCommand.Build(dataDir, output, error) });
        var code = await root.Parse(["indicators", "import-cbp", .. args, "--data-dir", _dir])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PuenteCli.RunAsync([.. args, "--data-dir", _dir], new StringReader(""), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private SqlitePuenteDbContext Database()
    {
        var db = new SqlitePuenteDbContext(new DbContextOptionsBuilder<SqlitePuenteDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_dir, "puente.db")};Pooling=False").Options);
        db.Bind(ViewerContext.ForSystem(), TimeProvider.System, null);
        return db;
    }

    [Fact]
    public async Task Import_cbp_writes_the_southwest_series_once_a_rerun_changes_nothing_and_a_malformed_copy_writes_nothing()
    {
        var lines = await File.ReadAllLinesAsync(SouthwestBorder.RegionFile);
        lines[500] = string.Join(',', lines[500].Split(',')[..^1]) + ",12o40";
        var bad = Path.Combine(_dir, "malformed.csv");
        await File.WriteAllLinesAsync(bad, lines);
        var refused = await ImportCbpAsync(bad);
        Assert.Equal(PuenteCli.Failed, refused.Code);
        Assert.Contains("row 501, quantity: '12o40' is not a whole number of encounters", refused.Err, StringComparison.Ordinal);
        Assert.Contains("nothing was written", refused.Err, StringComparison.Ordinal);

        var dryRun = await ImportCbpAsync(SouthwestBorder.RegionFile, "--dry-run");
        Assert.Equal(PuenteCli.Ok, dryRun.Code);
        Assert.Contains($"{SouthwestLine} would be created: 302 added, 0 revised, 0 unchanged.", dryRun.Out, StringComparison.Ordinal);
        await using (var db = Database())
        {
            Assert.False(await db.Set<Indicator>().AnyAsync(i => i.Code.StartsWith("CBP-")));
        }

        var imported = await ImportCbpAsync(SouthwestBorder.RegionFile);
        Assert.True(imported.Code == PuenteCli.Ok, imported.Err);
        Assert.Contains("906 row(s) read (OhssMonthlyRegion).", imported.Out, StringComparison.Ordinal);
        Assert.Contains($"{SouthwestLine} created: 302 added, 0 revised, 0 unchanged.", imported.Out, StringComparison.Ordinal);
        await using (var db = Database())
        {
            var december = await db.Set<IndicatorValue>().SingleAsync(v => v.Indicator!.Code == "CBP-USBP-SW" && v.Period == new DateOnly(2023, 12, 1));
            Assert.Equal(249_740, december.Value);
            Assert.Single(await db.Set<Indicator>().Where(i => i.Code.StartsWith("CBP-")).ToListAsync());
        }

        var rerun = await ImportCbpAsync(SouthwestBorder.RegionFile, "--region", "southwest land border");
        Assert.Equal(PuenteCli.Ok, rerun.Code);
        Assert.Contains($"{SouthwestLine} unchanged: 0 added, 0 revised, 302 unchanged.", rerun.Out, StringComparison.Ordinal);

        var sectors = await ImportCbpAsync(SouthwestBorder.File("ohss_usbp_monthly_sector.csv"), "--by", "sector");
        Assert.Equal(PuenteCli.Failed, sectors.Code);
        Assert.Contains("--series: the file has", sectors.Err, StringComparison.Ordinal);
        Assert.Contains("name the ones to import (--series NAME) or take them all (--all)", sectors.Err, StringComparison.Ordinal);

        var twoSectors = await ImportCbpAsync(SouthwestBorder.File("ohss_usbp_monthly_sector.csv"), "--by", "sector", "--series", "Big Bend, TX", "El Paso, TX");
        Assert.True(twoSectors.Code == PuenteCli.Ok, twoSectors.Err);
        Assert.Contains("CBP-USBP-BIG-BEND-TX (U.S. Border Patrol encounters, Big Bend, TX sector) created:", twoSectors.Out, StringComparison.Ordinal);
        Assert.Contains("CBP-USBP-EL-PASO-TX (U.S. Border Patrol encounters, El Paso, TX sector) created:", twoSectors.Out, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("audit", "verify")).Code);
    }

    [Fact]
    public async Task Alerts_backtest_on_the_southwest_series_warns_of_all_four_marked_crises_with_the_documented_precision_and_lead()
    {
        Assert.Equal(PuenteCli.Ok, (await ImportCbpAsync(SouthwestBorder.RegionFile)).Code);
        await using (var db = Database())
        {
            db.AddRange(SouthwestBorder.Crises());
            await db.SaveChangesAsync();
        }

        var json = await RunAsync("alerts", "backtest", "--indicator", "cbp-usbp-sw", "--format", "json");
        Assert.True(json.Code == PuenteCli.Ok, json.Err);
        var report = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(1.0, report.GetProperty("recall").GetDouble());
        Assert.Equal(5.0 / 9, report.GetProperty("precision").GetDouble(), 12);
        Assert.Equal(70.5, report.GetProperty("meanLeadDays").GetDouble());
        Assert.Equal(1.75, report.GetProperty("meanLeadPeriods").GetDouble());
        Assert.Equal(9, report.GetProperty("alerts").GetArrayLength());
        var first = report.GetProperty("alerts")[0];
        Assert.Equal(["period", "detector", "value", "baseline", "severity"], first.EnumerateObject().Take(5).Select(p => p.Name));
        Assert.Equal(("2002-10-01", "seasonal"), (first.GetProperty("period").GetString(), first.GetProperty("detector").GetString()));
        Assert.Equal([1, 90, 174, 17], report.GetProperty("crises").EnumerateArray().Select(c => c.GetProperty("leadDays").GetInt32()));

        var table = await RunAsync("alerts", "backtest", "--indicator", "CBP-USBP-SW");
        Assert.True(table.Code == PuenteCli.Ok, table.Err);
        Assert.Contains("Detectors (the defaults): ewma lambda=0.1 k=3.5 warmup=12; cusum k=0.5 h=8 warmup=12; seasonal change=0.5 lag=12", table.Out, StringComparison.Ordinal);
        Assert.Contains("Alerts (9):", table.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n  2023-12 +cusum +249,740 +130,535 +\w+ +yes\n", table.Out);
        Assert.Matches(@"\n  2019-05-30 2019-06-07 ewma 2019-03 +90 days, 2 periods +U\.S\. tariff threat", table.Out);
        Assert.Contains("Precision: 0.556 (5 of 9 alerts warned of a crisis)", table.Out, StringComparison.Ordinal);
        Assert.Contains("Recall: 1.000 (4 of 4 crises warned)", table.Out, StringComparison.Ordinal);
        Assert.Contains("Mean lead: 70.5 days (1.75 periods)", table.Out, StringComparison.Ordinal);

        var ewma = await RunAsync("alerts", "backtest", "--indicator", "CBP-USBP-SW", "--detector", "ewma", "--param", "k=3.5", "--param", "lambda=0.1",
            "--from", "2019-01-01", "--to", "2021-12-31", "--window", "3", "--format", "json");
        Assert.True(ewma.Code == PuenteCli.Ok, ewma.Err);
        var narrowed = JsonDocument.Parse(ewma.Out).RootElement;
        Assert.Equal(("request", 3, 2), (narrowed.GetProperty("detectorsFrom").GetString(), narrowed.GetProperty("leadWindow").GetInt32(),
            narrowed.GetProperty("crises").GetArrayLength()));
    }

    [Theory]
    [InlineData(new[] { "--indicator", "NO-SUCH" }, "No indicator has the code 'NO-SUCH'.")]
    [InlineData(new[] { "--indicator", "CBP-USBP-SW", "--detector", "nope" }, "--detector: 'nope' is not a detector; use one of ewma, cusum, seasonal, threshold")]
    [InlineData(new[] { "--indicator", "CBP-USBP-SW", "--detector", "ewma", "--param", "k=99" }, "--param: ewma k: 99 is outside the range 0.5 to 10")]
    [InlineData(new[] { "--indicator", "CBP-USBP-SW", "--detector", "ewma", "--param", "speed=3" }, "--param: ewma has no parameter 'speed'; its parameters are lambda, k, warmup")]
    [InlineData(new[] { "--indicator", "CBP-USBP-SW", "--from", "2020-02-30" }, "--from: '2020-02-30' is not a date (YYYY-MM-DD, 1900–2200)")]
    [InlineData(new[] { "--indicator", "CBP-USBP-SW", "--from", "2021-01-01", "--to", "2020-01-01" }, "--to: the end 2020-01-01 is before the start 2021-01-01")]
    [InlineData(new[] { "--indicator", "CBP-USBP-SW", "--window", "121" }, "--window: '121' is not a lead window: a whole number of periods from 0 to 120")]
    public async Task Alerts_backtest_refuses_bad_input_with_a_clear_message(string[] args, string message)
    {
        var result = await RunAsync(["alerts", "backtest", .. args]);
        Assert.Equal(PuenteCli.Failed, result.Code);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
