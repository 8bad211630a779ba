using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Core.Access;
using Puente.Core.Warning;
using Puente.Data.Audit;
using Puente.Data.Warning;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// The CBP encounter import and the backtest as their users meet them, on the real southwest border data: the import's
/// values, idempotence and all-or-nothing; the backtest API's contract and numbers (those docs/early-warning-defaults.md
/// reports), its 400s naming the parameter and its 404; the page in both languages. Tests that write use a code prefix
/// of their own; the southwest series and its four crises are set up once and only read.
/// </summary>
public abstract class BacktestTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private const string Southwest = "CBP-USBP-SW";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PuenteApp, Task> Prepared = [];

    /// <summary>The southwest series imported and its four crises marked, once per application.</summary>
    private Task PrepareAsync()
    {
        lock (Prepared)
        {
            return Prepared.GetValue(app, _ => ImportSouthwestAndMarkCrisesAsync());
        }
    }

    private async Task ImportSouthwestAndMarkCrisesAsync()
    {
        var result = await ImportAsync(System.IO.File.ReadAllBytes(SouthwestBorder.RegionFile), new CbpImportRequest());
        Assert.True(result.Ok);
        var (scope, db) = app.Database();
        await using (scope)
        {
            db.AddRange(SouthwestBorder.Crises());
            await db.SaveChangesAsync();
        }
    }

    private async Task<CbpImportResult> ImportAsync(byte[] content, CbpImportRequest request, TimeProvider? clock = null)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            var importer = clock is null
                ? scope.ServiceProvider.GetRequiredService<CbpImporter>()
                : new CbpImporter(db, clock, []);
            return await importer.ImportAsync(content, request);
        }
    }

    private async Task<List<(string Code, int Values)>> IndicatorsAsync(string prefix)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            return [.. (await db.Set<Indicator>().Where(i => i.Code.StartsWith(prefix)).Select(i => new { i.Code, Values = i.Values.Count }).ToListAsync())
                .Select(x => (x.Code, x.Values)).OrderBy(x => x.Code, StringComparer.Ordinal)];
        }
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task The_southwest_region_imports_as_CBP_USBP_SW_with_December_2023_at_249740_and_a_rerun_changes_nothing()
    {
        app.SkipIfUnavailable();
        await PrepareAsync();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var indicator = await db.Set<Indicator>().Include(i => i.Values).SingleAsync(i => i.Code == Southwest);
            Assert.Equal("U.S. Border Patrol encounters, Southwest Land Border", indicator.NameEn);
            Assert.Equal("Encuentros de la Patrulla Fronteriza de EE. UU., frontera terrestre suroeste", indicator.NameEs);
            Assert.Equal(("encounters", IndicatorFrequency.Month, Concern.Up, "MIGRATION", Confidentiality.Shared),
                (indicator.Unit, indicator.Frequency, indicator.Concern, indicator.IssueCode, indicator.Confidentiality));
            Assert.Contains("Office of Homeland Security Statistics", indicator.SourceEn, StringComparison.Ordinal);
            Assert.Contains("nearest 10", indicator.SourceEn, StringComparison.Ordinal);
            Assert.Equal(302, indicator.Values.Count);
            Assert.Equal(249_740, indicator.Values.Single(v => v.Period == new DateOnly(2023, 12, 1)).Value);
            Assert.Equal(new DateOnly(1999, 10, 1), indicator.Values.Min(v => v.Period));
            Assert.Equal(new DateOnly(2024, 11, 1), indicator.LatestPeriod);
        }

        var again = await ImportAsync(System.IO.File.ReadAllBytes(SouthwestBorder.RegionFile), new CbpImportRequest());
        var series = Assert.Single(again.Series);
        Assert.Equal((Southwest, false, 0, 0, 302), (series.Code, series.Created, series.Added, series.Revised, series.Unchanged));
        Assert.False(again.Written);
    }

    [Fact]
    public async Task A_malformed_copy_writes_nothing_and_names_the_row_and_field()
    {
        app.SkipIfUnavailable();
        var lines = System.IO.File.ReadAllLines(SouthwestBorder.RegionFile);
        lines[500] = string.Join(',', lines[500].Split(',')[..^1]) + ",12o40"; // row 501: a letter typed for a digit
        var bad = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines));
        var result = await ImportAsync(bad, new CbpImportRequest(All: true, Prefix: "T-BAD"));
        Assert.False(result.Ok);
        var problem = Assert.Single(result.Table.Problems.Listed);
        Assert.Equal((501, "quantity", "cbp.notAQuantity"), (problem.Row, problem.Field, problem.Problem.Code));
        Assert.Empty(result.Series);
        Assert.Empty(await IndicatorsAsync("T-BAD"));
    }

    [Fact]
    public async Task A_failure_while_writing_the_second_series_undoes_the_first_and_the_audit_trail_stays_intact()
    {
        app.SkipIfUnavailable();
        var content = System.IO.File.ReadAllBytes(SouthwestBorder.RegionFile);
        var failing = new SecondCallFails();
        await Assert.ThrowsAsync<InvalidOperationException>(() => ImportAsync(content, new CbpImportRequest(All: true, Prefix: "T-ROLL"), failing));
        Assert.Equal(2, failing.Calls); // the first series was written in the transaction before the second failed
        Assert.Empty(await IndicatorsAsync("T-ROLL"));

        var (scope, db) = app.Database();
        await using (scope)
        {
            var verified = await AuditVerifier.VerifyAsync(db, CancellationToken.None);
            Assert.Null(verified.FirstBreak);
            Assert.Null(verified.Anchor.Problem);
        }

        // The same import without the failure writes the three regions.
        var written = await ImportAsync(content, new CbpImportRequest(All: true, Prefix: "T-ROLL"));
        Assert.Equal(["T-ROLL-COAST", "T-ROLL-NORTH", "T-ROLL-SW"], written.Series.Select(s => s.Code).Order(StringComparer.Ordinal));
        Assert.Equal([("T-ROLL-COAST", 302), ("T-ROLL-NORTH", 302), ("T-ROLL-SW", 302)], await IndicatorsAsync("T-ROLL"));
    }

    [Fact]
    public async Task Sectors_must_be_named_or_taken_all_an_unknown_one_is_refused_and_a_named_one_gets_its_code()
    {
        app.SkipIfUnavailable();
        var content = System.IO.File.ReadAllBytes(SouthwestBorder.File("ohss_usbp_monthly_sector.csv"));
        var unnamed = await ImportAsync(content, new CbpImportRequest(By: CbpBreakdown.Sector, Prefix: "T-SEC"));
        Assert.Equal(("series", "cbpImport.seriesRequired"), (unnamed.Problems.Single().Field, unnamed.Problems.Single().Problem.Code));
        var unknown = await ImportAsync(content, new CbpImportRequest(By: CbpBreakdown.Sector, Series: ["Nowhere, TX", "Big Bend, TX"], Prefix: "T-SEC"));
        Assert.Equal("cbpImport.unknownSeries", unknown.Problems.Single().Problem.Code);
        Assert.Contains("Nowhere, TX", unknown.Problems.Single().Problem.ToString(), StringComparison.Ordinal);
        var badPrefix = await ImportAsync(content, new CbpImportRequest(By: CbpBreakdown.Sector, Series: ["Big Bend, TX"], Prefix: "T SEC"));
        Assert.Equal(("prefix", "cbpImport.badPrefix"), (badPrefix.Problems.Single().Field, badPrefix.Problems.Single().Problem.Code));
        Assert.Empty(await IndicatorsAsync("T-SEC"));

        var named = await ImportAsync(content, new CbpImportRequest(By: CbpBreakdown.Sector, Series: ["rio grande valley, tx"], Prefix: "T-SEC"));
        Assert.True(named.Written);
        var series = Assert.Single(named.Series);
        Assert.Equal(("Rio Grande Valley, TX", "T-SEC-RIO-GRANDE-VALLEY-TX", "U.S. Border Patrol encounters, Rio Grande Valley, TX sector"), (series.Series, series.Code, series.Name));
        Assert.True(series.Added > 290);
    }

    [Fact]
    public async Task The_backtest_api_reports_every_crisis_warned_with_the_precision_and_lead_the_defaults_page_documents()
    {
        app.SkipIfUnavailable();
        await PrepareAsync();
        using var client = await app.ApiAs(TestUsers.UsAnalyst, "en-US");
        var report = await Json(await client.GetAsync($"/api/v1/indicators/{Southwest}/backtest"));
        string[] contract = ["indicator", "name", "unit", "frequency", "concern", "detectors", "detectorsFrom", "issue", "alerts", "crises", "precision", "recall"];
        Assert.Equal(contract, report.EnumerateObject().Take(contract.Length).Select(p => p.Name));
        Assert.Equal("defaults", report.GetProperty("detectorsFrom").GetString());
        Assert.Equal("MIGRATION", report.GetProperty("issue").GetString());
        Assert.Equal(1.0, report.GetProperty("recall").GetDouble());
        Assert.Equal(5.0 / 9, report.GetProperty("precision").GetDouble(), 12);
        Assert.Equal(70.5, report.GetProperty("meanLeadDays").GetDouble());
        Assert.Equal(1.75, report.GetProperty("meanLeadPeriods").GetDouble());
        Assert.Equal(6, report.GetProperty("leadWindow").GetInt32());
        var alerts = report.GetProperty("alerts");
        Assert.Equal(9, alerts.GetArrayLength());
        var december = alerts[8];
        Assert.Equal(("2023-12-01", "cusum", 249_740.0, true), (december.GetProperty("period").GetString(), december.GetProperty("detector").GetString(),
            december.GetProperty("value").GetDouble(), december.GetProperty("hit").GetBoolean()));
        Assert.True(december.TryGetProperty("baseline", out _) && december.TryGetProperty("severity", out _));
        Assert.Equal([1, 90, 174, 17], report.GetProperty("crises").EnumerateArray().Select(c => c.GetProperty("leadDays").GetInt32()));
        Assert.Equal(["seasonal", "ewma", "seasonal", "cusum"], report.GetProperty("crises").EnumerateArray().Select(c => c.GetProperty("detector").GetString()));

        // One detector with its parameters (the grid's row ewma lambda=0.1 k=3.5: 2 alerts, both warnings, 2 of 4 crises).
        var ewma = await Json(await client.GetAsync($"/api/v1/indicators/{Southwest}/backtest?detector=ewma&param=k=3.5&param=lambda=0.1"));
        Assert.Equal(("request", "ewma lambda=0.1 k=3.5 warmup=12"), (ewma.GetProperty("detectorsFrom").GetString(), ewma.GetProperty("detectors").GetString()));
        Assert.Equal((2, 1.0, 0.5), (ewma.GetProperty("alerts").GetArrayLength(), ewma.GetProperty("precision").GetDouble(), ewma.GetProperty("recall").GetDouble()));

        // A range counts the alerts and crises in it only.
        var range = await Json(await client.GetAsync($"/api/v1/indicators/{Southwest}/backtest?from=2019-01-01&to=2021-12-31&window=3"));
        Assert.Equal(["2019-05-30", "2021-03-24"], range.GetProperty("crises").EnumerateArray().Select(c => c.GetProperty("start").GetString()));
        Assert.Equal(("2019-01-01", "2021-12-31", 3), (range.GetProperty("from").GetString(), range.GetProperty("to").GetString(), range.GetProperty("leadWindow").GetInt32()));
        Assert.All(range.GetProperty("alerts").EnumerateArray(), a => Assert.InRange(a.GetProperty("period").GetString()!, "2019-01-01", "2021-12-31"));

        // Crises of another issue: none marked, so no recall.
        var water = await Json(await client.GetAsync($"/api/v1/indicators/{Southwest}/backtest?issue=water"));
        Assert.Equal((0, JsonValueKind.Null), (water.GetProperty("crises").GetArrayLength(), water.GetProperty("recall").ValueKind));
    }

    [Theory]
    [InlineData("detector=nope", "detector", "'nope' is not a detector; use one of ewma, cusum, seasonal, threshold")]
    [InlineData("detector=ewma&param=k=99", "param", "ewma k: 99 is outside the range 0.5 to 10")]
    [InlineData("detector=cusum&param=h", "param", "cusum: 'h' is not a parameter; write name=value, e.g. h=5")]
    [InlineData("param=k=3", "param", "parameters apply to one detector: name it too")]
    [InlineData("window=500", "window", "'500' is not a lead window: a whole number of periods from 0 to 120")]
    [InlineData("window=-1", "window", "'-1' is not a lead window: a whole number of periods from 0 to 120")]
    [InlineData("from=2020-13-01", "from", "'2020-13-01' is not a date (YYYY-MM-DD, 1900–2200)")]
    [InlineData("from=2021-01-01&to=2020-01-01", "to", "the end 2020-01-01 is before the start 2021-01-01")]
    [InlineData("issue=NO-SUCH-ISSUE", "issue", "'NO-SUCH-ISSUE' is not an agenda issue you can read")]
    public async Task Bad_backtest_parameters_are_400_naming_the_parameter(string query, string field, string message)
    {
        app.SkipIfUnavailable();
        await PrepareAsync();
        using var client = await app.ApiAs(TestUsers.MxViewer, "en-US");
        var response = await client.GetAsync($"/api/v1/indicators/{Southwest}/backtest?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(message, errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task An_unknown_indicator_is_404_and_errors_come_in_spanish_for_a_spanish_reader()
    {
        app.SkipIfUnavailable();
        await PrepareAsync();
        using var client = await app.ApiAs(TestUsers.MxViewer, "es-MX");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/indicators/NO-SUCH-INDICATOR/backtest")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/indicators/not%20a%20code/backtest")).StatusCode);
        var response = await client.GetAsync($"/api/v1/indicators/{Southwest}/backtest?window=abc");
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("'abc' no es una ventana de anticipación: un número entero de periodos de 0 a 120", errors.GetProperty("window")[0].GetString());
    }

    [Fact]
    public async Task The_page_draws_the_series_with_the_crises_shaded_and_the_alerts_marked_in_english_and_spanish()
    {
        app.SkipIfUnavailable();
        await PrepareAsync();
        using var en = await app.UiAs(TestUsers.JointViewer, "en-US");
        var chooser = await en.GetAsync("/Backtest");
        Assert.Equal(HttpStatusCode.OK, chooser.StatusCode);
        Assert.Contains($"<option value=\"{Southwest}\"", await chooser.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await en.GetAsync($"/Backtest?indicator={Southwest}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"backtest-chart\"", html, StringComparison.Ordinal);
        Assert.Equal(4, CountOf(html, "class=\"chart-band\""));
        Assert.Equal(9, CountOf(html, "class=\"chart-marked\""));
        Assert.Equal(9, CountOf(html, "<tr data-period="));
        Assert.Equal(4, CountOf(html, "data-hit=\"true\" data-lead-days"));
        Assert.Contains("id=\"backtest-recall\" data-value=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("5 of 9 alerts came in time to warn of a crisis", html, StringComparison.Ordinal);
        Assert.Contains("4 of 4 marked crises were warned", html, StringComparison.Ordinal);
        Assert.Contains("Every detector with its default parameters:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Backtest/Defaults\"", html, StringComparison.Ordinal);

        using var es = await app.UiAs(TestUsers.MxViewer, "es-MX");
        var spanish = await (await es.GetAsync($"/Backtest?indicator={Southwest}&detector=seasonal&param=change%3D0.5")).Content.ReadAsStringAsync();
        Assert.Contains("Encuentros de la Patrulla Fronteriza de EE. UU., frontera terrestre suroeste", spanish, StringComparison.Ordinal);
        Assert.Contains("Detector solicitado:", spanish, StringComparison.Ordinal);
        Assert.Contains("Exhaustividad", spanish, StringComparison.Ordinal);
        Assert.Contains("id=\"backtest-precision\" data-value=\"0.4\"", spanish, StringComparison.Ordinal); // seasonal change=0.5: 2 of 5 alerts
        Assert.Contains("Crisis: Unaccompanied-children surge", spanish, StringComparison.Ordinal);

        var bad = await (await es.GetAsync($"/Backtest?indicator={Southwest}&detector=ewma&param=k%3D99")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"param-error\"", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"backtest-chart\"", bad, StringComparison.Ordinal);

        var missing = await en.GetAsync("/Backtest?indicator=NO-SUCH-INDICATOR");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("No indicator you can read has the code", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var defaults = await (await es.GetAsync("/Backtest/Defaults")).Content.ReadAsStringAsync();
        Assert.Contains("ewma lambda=0.1 k=3.5 warmup=12", defaults, StringComparison.Ordinal);
        Assert.Contains("Cómo se eligieron los parámetros predeterminados", defaults, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>A clock whose second reading fails: the intake reads it once per series.</summary>
    private sealed class SecondCallFails : TimeProvider
    {
        public int Calls { get; private set; }

        public override DateTimeOffset GetUtcNow() => ++Calls == 2 ? throw new InvalidOperationException("the clock failed") : base.GetUtcNow();
    }
}
