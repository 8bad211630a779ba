using System.IO.Compression;
using Puente.Events.Measures;
using Puente.Events.Reading;
using Puente.Events.Store;
using static Puente.Events.Tests.GdeltFiles;

namespace Puente.Events.Tests;

public sealed class IngestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("puente-events-").FullName;

    private string StorePath => Path.Combine(_dir, "store", EventStore.FileName);

    private EventStore OpenStore()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        return EventStore.Open(StorePath);
    }

    private static readonly Dyad UsaMex = new("USA", "MEX", false);

    [Fact]
    public async Task The_real_sample_gives_the_168_usa_mex_events_and_matches_duckdb_sql_for_every_period()
    {
        var files = Directory.GetFiles(RealSampleFolder, "*.export.CSV").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(24, files.Count);
        using var store = OpenStore();
        var outcomes = await store.IngestAsync(files, IngestOptions.Default);
        Assert.All(outcomes, o => Assert.Equal(FileOutcome.Ingested, o.Status));
        Assert.All(outcomes, o => Assert.Equal(0, o.Report!.Skipped));

        foreach (var by in Enum.GetValues<Period>())
        {
            var actual = EventMeasures.Summary(store.Connection, UsaMex, by, null, null);
            var expected = Reference.Summary(files, "USA", "MEX", false, EventMeasures.PeriodSql(by));
            Reference.AssertSame(expected, actual);
            Assert.Equal(168, actual.Sum(r => r.Events));
        }

        var directed = EventMeasures.Summary(store.Connection, new Dyad("MEX", "USA", true), Period.Year, null, null);
        Reference.AssertSame(Reference.Summary(files, "MEX", "USA", true, EventMeasures.PeriodSql(Period.Year)), directed);
        Assert.True(directed.Sum(r => r.Events) is > 0 and < 168);
    }

    [Fact]
    public async Task Edge_cases_both_directions_self_pairs_empty_codes_duplicates_and_year_boundaries()
    {
        var a = Write(_dir, "a.export.CSV",
        [
            Line(new(1, "20241231", "USA", "MEX", Quad: 1, Goldstein: 3.4, Tone: -2.25, Articles: 10)),
            Line(new(2, "20250101", "MEX", "USA", Quad: 4, Goldstein: -10, Tone: -7.125, Articles: 1)),
            Line(new(3, "20250101", "USA", "USA", Quad: 2)),        // not USA–MEX
            Line(new(4, "20250101", "", "MEX", Quad: 3)),           // empty actor1 country
            Line(new(5, "20241230", "MEX", "", Quad: 3)),           // empty actor2 country
            Line(new(6, "20250105", "USA", "MEX", Quad: 3, Goldstein: -4, Tone: 1.5, Articles: 2)),   // a Sunday: week of 2024-12-30
            Line(new(7, "20250106", "MEX", "USA", Quad: 2, Goldstein: 7.4, Tone: 0.25, Articles: 4)),  // the next Monday
            Line(new(8, "20250106", "GTM", "MEX", Quad: 1)),
        ]);
        var b = Write(_dir, "b.export.CSV",
        [
            Line(new(2, "20250101", "MEX", "USA", Quad: 4, Goldstein: -10, Tone: -7.125, Articles: 1)), // duplicate id across files
            Line(new(9, "20250102", "USA", "MEX", Quad: 1, Goldstein: 1, Tone: 3, Articles: 5)),
        ]);
        using var store = OpenStore();
        await store.IngestAsync([a, b], IngestOptions.Default);

        foreach (var by in Enum.GetValues<Period>())
        {
            Reference.AssertSame(Reference.Summary([a, b], "USA", "MEX", false, EventMeasures.PeriodSql(by)),
                EventMeasures.Summary(store.Connection, UsaMex, by, null, null));
        }

        var years = EventMeasures.Summary(store.Connection, UsaMex, Period.Year, null, null);
        Assert.Equal(["2024", "2025"], years.Select(y => y.Period));
        Assert.Equal([1L, 4L], years.Select(y => y.Events));
        var weeks = EventMeasures.Summary(store.Connection, UsaMex, Period.Week, null, null);
        Assert.Equal(["2024-12-30", "2025-01-06"], weeks.Select(w => w.Period));
        Assert.Equal([4L, 1L], weeks.Select(w => w.Events));
        var directed = EventMeasures.Summary(store.Connection, new Dyad("USA", "MEX", true), Period.Year, null, null);
        Assert.Equal(3, directed.Sum(r => r.Events));
        var limited = EventMeasures.Summary(store.Connection, UsaMex, Period.Day, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 2));
        Assert.Equal(["2025-01-01", "2025-01-02"], limited.Select(r => r.Period));
    }

    [Fact]
    public async Task Malformed_lines_are_skipped_counted_per_reason_with_line_numbers_and_the_rest_is_kept()
    {
        var good = Line(new(10, "20250101", "USA", "MEX"));
        var longLine = Line(new(11, "20250101", "USA", "MEX")) + new string('x', GdeltEventReader.MaxLineBytes);
        var lines = new List<byte[]>
        {
            U(good),                                                            // 1
            U(string.Join('\t', Enumerable.Repeat("x", 30))),                  // 2 wrong field count
            U(Line(new(12, "20250101", "USA", "MEX")).Replace("\t-1.5\t", "\tabc\t", StringComparison.Ordinal)), // 3 bad number
            U(Line(new(13, "20250231", "USA", "MEX"))),                        // 4 bad date (Feb 31)
            U(Line(new(14, "20250101", "USA", "MEX"))).Take(40).Concat(new byte[] { 0xC3, 0x28 }).Concat(U(Line(new(14, "20250101", "USA", "MEX"))).Skip(40)).ToArray(), // 5 invalid UTF-8
            U(longLine),                                                        // 6 too long
            U(Line(new(15, "20250102", "MEX", "USA"))),                        // 7
            U(Line(new(16, "2025010", "USA", "MEX"))),                         // 8 bad date (7 digits)
        };
        var path = Path.Combine(_dir, "bad.export.CSV");
        await File.WriteAllBytesAsync(path, lines.SelectMany(l => l.Concat(new byte[] { (byte)'\n' })).ToArray());
        using var store = OpenStore();
        var outcome = Assert.Single(await store.IngestAsync([path], IngestOptions.Default));
        var report = outcome.Report!;
        Assert.Equal(FileOutcome.Ingested, outcome.Status);
        Assert.Equal(8, report.Lines);
        Assert.Equal(2, report.Kept);
        Assert.Equal([2L], report.Problems[LineProblem.WrongFieldCount].FirstLines);
        Assert.Equal([3L], report.Problems[LineProblem.BadNumber].FirstLines);
        Assert.Equal([4L, 8L], report.Problems[LineProblem.BadDate].FirstLines);
        Assert.Equal([5L], report.Problems[LineProblem.InvalidUtf8].FirstLines);
        Assert.Equal([6L], report.Problems[LineProblem.LineTooLong].FirstLines);
        Assert.Equal(2, EventMeasures.Summary(store.Connection, UsaMex, Period.Year, null, null).Single().Events);
    }

    [Fact]
    public async Task The_same_file_again_zipped_or_renamed_counts_nothing_twice()
    {
        var plain = Write(_dir, "c.export.CSV", [Line(new(20, "20250101", "USA", "MEX")), Line(new(21, "20250101", "MEX", "USA"))]);
        var zipPath = Path.Combine(_dir, "c.export.CSV.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(plain, "c.export.CSV");
        }

        var copy = Path.Combine(_dir, "renamed.CSV");
        File.Copy(plain, copy);
        using var store = OpenStore();
        var first = await store.IngestAsync([zipPath], IngestOptions.Default);
        Assert.Equal(FileOutcome.Ingested, first.Single().Status);
        var again = await store.IngestAsync([zipPath, plain, copy], IngestOptions.Default);
        Assert.Equal(FileOutcome.AlreadyIngested, again[0].Status);
        Assert.Equal(FileOutcome.Ingested, again[1].Status == FileOutcome.Ingested ? again[1].Status : again[2].Status);
        Assert.Contains(again, o => o.Status == FileOutcome.AlreadyIngested && o.Path == copy || o.Path == plain && o.Status == FileOutcome.AlreadyIngested);
        Assert.Equal(2, EventMeasures.Summary(store.Connection, UsaMex, Period.Year, null, null).Single().Events);
    }

    [Fact]
    public async Task Gdelt_1_files_are_read_and_mixing_versions_in_one_store_is_refused()
    {
        var v1 = Write(_dir, "20130401.export.CSV",
        [
            Line(new(100, "20130401", "USA", "MEX", Quad: 1, Goldstein: 2, Tone: 1, Articles: 2), v1: true),
            Line(new(101, "20130401", "MEX", "USA", Quad: 3, Goldstein: -2, Tone: -3, Articles: 4), v1: true),
        ]);
        // Before April 2013 daily files had 57 fields (no SOURCEURL).
        var older = Write(_dir, "20130331.export.CSV", [string.Join('\t', Line(new(102, "20130331", "USA", "MEX"), v1: true).Split('\t')[..57])]);
        var v2 = Write(_dir, "20250101000000.export.CSV", [Line(new(9_000_000_001, "20250101", "USA", "MEX"))]);
        using var store = OpenStore();
        var first = Assert.Single(await store.IngestAsync([v1], IngestOptions.Default));
        Assert.Equal(GdeltVersion.V1, first.Report!.Version);
        Assert.Equal(2, first.Report.Kept);
        Reference.AssertSame(Reference.Summary([v1], "USA", "MEX", false, EventMeasures.PeriodSql(Period.Day), fields: 58),
            EventMeasures.Summary(store.Connection, UsaMex, Period.Day, null, null));
        var second = Assert.Single(await store.IngestAsync([older], IngestOptions.Default));
        Assert.Equal(1, second.Report!.Kept);
        Assert.Equal(3, EventMeasures.Summary(store.Connection, UsaMex, Period.Year, null, null).Single().Events);

        var refused = Assert.Single(await store.IngestAsync([v2], IngestOptions.Default));
        Assert.Equal(FileOutcome.Refused, refused.Status);
        Assert.Contains("cannot be mixed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, EventMeasures.Summary(store.Connection, UsaMex, Period.Year, null, null).Single().Events);
    }

    [Fact]
    public async Task Daily_totals_count_every_well_formed_event_of_every_country()
    {
        var path = Write(_dir, "d.export.CSV",
        [
            Line(new(30, "20250101", "USA", "MEX")), Line(new(31, "20250101", "FRA", "DEU")), Line(new(32, "20250102", "", "")),
            "broken line",
        ]);
        using var store = OpenStore();
        var outcome = Assert.Single(await store.IngestAsync([path], IngestOptions.Default));
        Assert.Equal(2, outcome.Report!.DailyTotals[new DateOnly(2025, 1, 1)]);
        Assert.Equal(1, outcome.Report.DailyTotals[new DateOnly(2025, 1, 2)]);
        var row = EventMeasures.Summary(store.Connection, UsaMex, Period.Day, null, null).Single();
        Assert.Equal(2, row.GdeltEvents);
    }

    [Fact]
    public async Task The_drill_down_shows_each_events_actors_place_and_source_link_as_the_files_give_them()
    {
        var files = Directory.GetFiles(RealSampleFolder, "*.export.CSV").Order(StringComparer.Ordinal).ToList();
        using var store = OpenStore();
        await store.IngestAsync(files, IngestOptions.Default);
        var rows = EventMeasures.Events(store.Connection, UsaMex, new DateOnly(1900, 1, 1), new DateOnly(2100, 1, 1), null, 1000);
        Assert.Equal(168, rows.Count);

        var expected = new Dictionary<long, string[]>();
        foreach (var line in files.SelectMany(File.ReadLines))
        {
            var f = line.Split('\t');
            expected.TryAdd(long.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), f);
        }

        Assert.All(rows, r =>
        {
            var f = expected[r.GlobalEventId];
            Assert.Equal((f[6], f[7], f[16], f[17], f[26], f[52], f[60]), (r.Actor1, r.Actor1Country, r.Actor2, r.Actor2Country, r.EventCode, r.Place, r.SourceUrl));
            Assert.StartsWith("http", r.SourceUrl, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_file_larger_than_one_chunk_is_read_in_parallel_exactly_and_recognized_when_ingested_again()
    {
        // Over 32 MiB: several chunks, read by several workers, each appending in its own transaction.
        var lines = Enumerable.Range(0, 120_000).Select(i => Line(new(1_000_000 + i, $"2025{1 + (i % 12):00}15", i % 3 == 0 ? "USA" : "MEX",
            i % 5 == 0 ? "USA" : "MEX", Quad: 1 + (i % 4), Goldstein: (i % 201 - 100) / 10.0, Tone: (i % 1999 - 999) / 97.0, Articles: i % 9,
            Url: "https://example.org/" + new string('x', 400) + i)));
        var big = Write(_dir, "big.export.CSV", lines);
        Assert.True(new FileInfo(big).Length > 2 * ContentHash.GridBytes);
        Assert.True(ContentHash.Chunks(big).Count >= 3);

        using var store = OpenStore();
        var outcome = Assert.Single(await store.IngestAsync([big], new IngestOptions(IngestOptions.Default.Countries, 2)));
        Assert.Equal((120_000L, 120_000L, 0L), (outcome.Report!.Lines, outcome.Report.Kept, outcome.Report.Skipped));
        foreach (var dyad in new[] { UsaMex, new Dyad("MEX", "MEX", false), new Dyad("USA", "MEX", true) })
        {
            Reference.AssertSame(Reference.Summary([big], dyad.First, dyad.Second, dyad.Directed, EventMeasures.PeriodSql(Period.Month)),
                EventMeasures.Summary(store.Connection, dyad, Period.Month, null, null));
        }

        // Details come back from many compressed blocks of both workers' detail files.
        var drill = EventMeasures.Events(store.Connection, UsaMex, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), null, 50_000);
        Assert.True(drill.Count > 10_000);
        Assert.All(drill, r => Assert.Equal("https://example.org/" + new string('x', 400) + (r.GlobalEventId - 1_000_000), r.SourceUrl));
        Assert.All(drill, r => Assert.Equal((r.Actor1Country + " government", "Mexico City, Distrito Federal, Mexico"), (r.Actor1, r.Place)));
        Assert.Equal(2, Directory.GetFiles(EventDetails.Folder(StorePath)).Length);

        // The hash the parse computed is the one a separate pass computes, so the file is recognized again.
        var again = Assert.Single(await store.IngestAsync([big], new IngestOptions(IngestOptions.Default.Countries, 1)));
        Assert.Equal(FileOutcome.AlreadyIngested, again.Status);
    }

    [Fact]
    public async Task A_large_file_whose_chunks_are_of_different_gdelt_versions_is_refused_and_leaves_nothing()
    {
        var pad = "https://example.org/" + new string('x', 400);
        var v2 = Enumerable.Range(0, 45_000).Select(i => Line(new(5_000_000 + i, "20250101", "USA", "MEX", Url: pad + i)));
        var v1 = Enumerable.Range(0, 10_000).Select(i => Line(new(100 + i, "20130401", "USA", "MEX", Url: pad + i), v1: true));
        var mixed = Write(_dir, "mixed.export.CSV", v2.Concat(v1));
        Assert.True(ContentHash.Chunks(mixed).Count >= 2);
        var clean = Write(_dir, "clean.export.CSV", [Line(new(1, "20250101", "USA", "MEX"))]);

        using var store = OpenStore();
        var outcomes = await store.IngestAsync([clean, mixed], new IngestOptions(IngestOptions.Default.Countries, 2));
        Assert.Equal(FileOutcome.Ingested, outcomes[0].Status);
        Assert.Equal(FileOutcome.Refused, outcomes[1].Status);
        Assert.Contains("mixes GDELT 1.0 and 2.0", outcomes[1].Message, StringComparison.Ordinal);
        Assert.Equal(1, EventMeasures.Summary(store.Connection, UsaMex, Period.Year, null, null).Single().Events);
        Assert.Single(Directory.GetFiles(EventDetails.Folder(StorePath)));
    }

    [Fact]
    public void A_store_written_by_an_earlier_version_is_refused_with_a_clear_message()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        using (var old = new DuckDB.NET.Data.DuckDBConnection($"Data Source={StorePath}"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = "CREATE TABLE files (sha256 VARCHAR PRIMARY KEY, name VARCHAR)";
            command.ExecuteNonQuery();
        }

        var e = Assert.Throws<EventStoreFormatException>(() => EventStore.Open(StorePath));
        Assert.Throws<EventStoreFormatException>(() => EventStore.Open(StorePath, readOnly: true));
        Assert.Contains("earlier version of Puente", e.Message, StringComparison.Ordinal);
        Assert.Contains("ingest the GDELT files again", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3.4")]
    [InlineData("-10")]
    [InlineData("-0.0")]
    [InlineData("0.1")]
    [InlineData("-7.12345678901234")]
    [InlineData("2.71828182845905")]
    [InlineData("9.99999999999999")]
    [InlineData("1.23456789012345678")]
    [InlineData("1e1")]
    [InlineData(".5")]
    [InlineData("5.")]
    public void Goldstein_and_tone_are_read_as_the_same_double_the_general_parser_gives(string text)
    {
        var goldstein = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var line = Line(new(1, "20250101", "USA", "MEX", Goldstein: 0, Tone: 0)).Split('\t');
        line[30] = text;
        line[34] = text;
        var read = new List<EventRecord>();
        using var input = new MemoryStream(U(string.Join('\t', line) + "\n"));
        GdeltEventReader.Read(input, IngestOptions.Default.Countries, null, read.Add);
        var e = Assert.Single(read);
        Assert.Equal(BitConverter.DoubleToInt64Bits(goldstein), BitConverter.DoubleToInt64Bits(e.GoldsteinScale));
        Assert.Equal(BitConverter.DoubleToInt64Bits(goldstein), BitConverter.DoubleToInt64Bits(e.AvgTone));
    }

    [Fact]
    public void Random_decimals_are_read_as_the_same_double_the_general_parser_gives()
    {
        var random = new Random(20261130);
        var texts = Enumerable.Range(0, 20_000).Select(_ =>
        {
            var digits = random.Next(1, 17);
            var number = string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + random.Next(10))));
            var point = random.Next(0, digits + 1);
            var text = point == digits ? number : number[..point] + "." + number[point..];
            return (random.Next(2) == 0 ? "-" : "") + text;
        }).Where(t => double.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var v) && Math.Abs(v) <= 10).Take(2_000).ToList();
        var lines = texts.Select((t, i) =>
        {
            var f = Line(new(i + 1, "20250101", "USA", "MEX")).Split('\t');
            f[30] = t;
            f[34] = t;
            return string.Join('\t', f);
        });
        var read = new List<EventRecord>();
        using var input = new MemoryStream(U(string.Join('\n', lines) + "\n"));
        GdeltEventReader.Read(input, IngestOptions.Default.Countries, null, read.Add);
        Assert.Equal(texts.Count, read.Count);
        Assert.True(texts.Count > 500);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(double.Parse(texts[i], System.Globalization.CultureInfo.InvariantCulture), read[i].GoldsteinScale);
        }
    }

    private static byte[] U(string s) => System.Text.Encoding.UTF8.GetBytes(s);

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
