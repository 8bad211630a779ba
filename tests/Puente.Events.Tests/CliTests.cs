using Puente.Cli;

namespace Puente.Events.Tests;

public sealed class EventsCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("puente-events-cli-").FullName;

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PuenteCli.RunAsync([.. args, "--data-dir", _dir], new StringReader(""), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Ingest_a_folder_then_summarize_as_csv_json_and_table()
    {
        var ingest = await RunAsync("events", "ingest", GdeltFiles.RealSampleFolder);
        Assert.Equal(0, ingest.Code);
        Assert.Contains("24 file(s) ingested", ingest.Out, StringComparison.Ordinal);

        var again = await RunAsync("events", "ingest", Path.Combine(GdeltFiles.RealSampleFolder, "*.export.CSV"));
        Assert.Equal(0, again.Code);
        Assert.Contains("0 file(s) ingested, 24 already ingested", again.Out, StringComparison.Ordinal);

        var csv = await RunAsync("events", "summary", "--dyad", "USA-MEX", "--by", "month", "--format", "csv");
        Assert.Equal(0, csv.Code);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period,events,verbal_coop,material_coop,verbal_conflict,material_conflict,goldstein_mean,tone_mean,articles", lines[0]);
        Assert.Equal(168, lines.Skip(1).Sum(l => long.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(lines.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal), lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.True(l.Split(',')[6].Split('.')[1].Length >= 4));

        var json = await RunAsync("events", "summary", "--dyad", "USA>MEX", "--by", "year", "--from", "2025-01-01", "--format", "json");
        Assert.Equal(0, json.Code);
        Assert.Contains("\"period\": \"2025\"", json.Out, StringComparison.Ordinal);

        var table = await RunAsync("events", "summary", "--dyad", "USA-MEX", "--by", "week");
        Assert.Equal(0, table.Code);
        Assert.Contains("verbal coop", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_are_reported_clearly()
    {
        Assert.Contains("No such file", (await RunAsync("events", "ingest", "/nonexistent/file.CSV")).Err, StringComparison.Ordinal);
        var noStore = await RunAsync("events", "summary", "--dyad", "USA-MEX");
        Assert.Equal(1, noStore.Code);
        Assert.Contains("events ingest", noStore.Err, StringComparison.Ordinal);
        Assert.Contains("is not a dyad", (await RunAsync("events", "summary", "--dyad", "USA")).Err, StringComparison.Ordinal);
        Assert.Contains("must be day, week, month or year", (await RunAsync("events", "summary", "--dyad", "USA-MEX", "--by", "decade")).Err, StringComparison.Ordinal);
        Assert.Contains("is not a date", (await RunAsync("events", "summary", "--dyad", "USA-MEX", "--from", "2025-02-30")).Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_from_an_earlier_version_is_reported_not_crashed_on()
    {
        using (var old = new DuckDB.NET.Data.DuckDBConnection($"Data Source={Path.Combine(_dir, Store.EventStore.FileName)}"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = "CREATE TABLE files (sha256 VARCHAR PRIMARY KEY, name VARCHAR NOT NULL)";
            command.ExecuteNonQuery();
        }

        foreach (var run in new[] { await RunAsync("events", "summary", "--dyad", "USA-MEX"), await RunAsync("events", "ingest", GdeltFiles.RealSampleFolder) })
        {
            Assert.Equal(1, run.Code);
            Assert.Contains("Event store error: events.duckdb was written by an earlier version of Puente", run.Err, StringComparison.Ordinal);
            Assert.Contains("ingest the GDELT files again", run.Err, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class InputPathTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("puente-paths-").FullName;

    [Fact]
    public void Folders_expand_to_the_right_kind_of_gdelt_file()
    {
        foreach (var name in new[] { "20250101000000.export.CSV", "20250101000000.export.CSV.zip", "20250101000000.mentions.CSV", "20250101000000.gkg.csv", "CAMEO.eventcodes.txt", "notes.md" })
        {
            File.WriteAllText(Path.Combine(_dir, name), "");
        }

        var (events, _) = InputPaths.Expand([_dir]);
        Assert.Equal(["20250101000000.export.CSV", "20250101000000.export.CSV.zip"], events.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var (gkg, _) = InputPaths.Expand([_dir], gkg: true);
        Assert.Equal(["20250101000000.gkg.csv"], gkg.Select(Path.GetFileName));
        var (globbed, unmatched) = InputPaths.Expand([Path.Combine(_dir, "*.zip"), Path.Combine(_dir, "missing.CSV")]);
        Assert.Equal(["20250101000000.export.CSV.zip"], globbed.Select(Path.GetFileName));
        Assert.Equal([Path.Combine(_dir, "missing.CSV")], unmatched);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
