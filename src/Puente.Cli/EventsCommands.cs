using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Puente.Data.Configuration;
using Puente.Events;
using Puente.Events.Measures;
using Puente.Events.Reading;
using Puente.Events.Store;
using Spectre.Console;
using Puente.Core.Text;

namespace Puente.Cli;

/// <summary><c>puente events ingest|summary</c>.</summary>
public static class EventsCommands
{
    public static Command Build(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var events = new Command("events", "GDELT event data: ingest files and compute measures.");

        var paths = new Argument<string[]>("PATH") { Description = "Event files (.CSV or .zip), folders or globs.", Arity = ArgumentArity.OneOrMore };
        var countries = new Option<string?>("--countries") { Description = "Comma-separated CAMEO country codes to keep (default USA,MEX,GTM,HND,SLV,CAN,CHN,CUB,VEN)." };
        var ingest = new Command("ingest", "Keep the events of the configured countries in the event store of the data directory.") { paths, countries };
        ingest.SetAction((parse, ct) => PuenteCli.WithSettingsAsync(parse.GetValue(dataDir), stderr, async settings =>
        {
            var (files, unmatched) = InputPaths.Expand(parse.GetValue(paths)!);
            foreach (var missing in unmatched)
            {
                await stderr.WriteLineAsync($"No such file, folder or matching files: {missing}");
            }

            if (unmatched.Count > 0)
            {
                return PuenteCli.Failed;
            }

            var options = IngestOptions.Default;
            if (parse.GetValue(countries) is { } list)
            {
                var codes = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
                if (codes.Count == 0 || codes.Any(c => c.Length != 3 || !c.All(char.IsAsciiLetterUpper)))
                {
                    await stderr.WriteLineAsync("--countries takes three-letter CAMEO country codes, e.g. USA,MEX.");
                    return PuenteCli.Failed;
                }

                options = options with { Countries = codes };
            }

            using var store = EventStore.Open(Path.Combine(settings.DataDirectory, EventStore.FileName));
            IReadOnlyList<FileOutcome> outcomes;
            try
            {
                outcomes = await RunWithProgressAsync(store, files, options, stdout, ct);
            }
            catch (IOException ex)
            {
                await stderr.WriteLineAsync($"I/O error: {ex.Message}");
                return PuenteCli.Failed;
            }
            catch (EventStoreException ex)
            {
                await stderr.WriteLineAsync($"Event store error: {ex.Message}");
                return PuenteCli.Failed;
            }

            await ReportAsync(outcomes, stdout);
            return PuenteCli.Ok;
        }));
        events.Subcommands.Add(ingest);

        var dyad = new Option<string>("--dyad") { Description = "USA-MEX (both directions) or USA>MEX (Actor1 USA, Actor2 MEX).", Required = true };
        var by = new Option<string>("--by") { Description = "day, week, month or year.", DefaultValueFactory = _ => "month" };
        var from = new Option<string?>("--from") { Description = "First SQLDATE (YYYY-MM-DD)." };
        var to = new Option<string?>("--to") { Description = "Last SQLDATE (YYYY-MM-DD)." };
        var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        var summary = new Command("summary", "Events, QuadClass counts, mean Goldstein and tone, and articles per period.") { dyad, by, from, to, format };
        summary.SetAction((parse, ct) => PuenteCli.WithSettingsAsync(parse.GetValue(dataDir), stderr, async settings =>
        {
            if (!Dyad.TryParse(parse.GetValue(dyad), out var d))
            {
                await stderr.WriteLineAsync($"--dyad '{parse.GetValue(dyad)}' is not a dyad: write USA-MEX or USA>MEX.");
                return PuenteCli.Failed;
            }

            if (!EnumText.TryParse<Period>(parse.GetValue(by), out var period))
            {
                await stderr.WriteLineAsync($"--by '{parse.GetValue(by)}' must be day, week, month or year.");
                return PuenteCli.Failed;
            }

            DateOnly? Parse(string? text, string name)
            {
                if (text is null)
                {
                    return null;
                }

                return IsoDate.TryParse(text, out var date)
                    ? date
                    : throw new ArgumentException($"{name} '{text}' is not a date (YYYY-MM-DD, 1900–2200).");
            }

            DateOnly? fromDate, toDate;
            try
            {
                fromDate = Parse(parse.GetValue(from), "--from");
                toDate = Parse(parse.GetValue(to), "--to");
            }
            catch (ArgumentException ex)
            {
                await stderr.WriteLineAsync(ex.Message);
                return PuenteCli.Failed;
            }

            using var store = new EventStoreAccess(Path.Combine(settings.DataDirectory, EventStore.FileName));
            if (!store.StoreExists)
            {
                await stderr.WriteLineAsync($"No event store yet in {settings.DataDirectory}: run 'puente events ingest PATH...' first.");
                return PuenteCli.Failed;
            }

            var rows = await new EventQueries(store).SummaryAsync(d, period, fromDate, toDate, ct);
            switch (parse.GetValue(format)?.ToLowerInvariant())
            {
                case "csv":
                    EventMeasures.WriteCsv(stdout, rows);
                    break;
                case "json":
                    await stdout.WriteLineAsync(JsonSerializer.Serialize(rows.Select(r => new
                    {
                        period = r.Period, events = r.Events, verbal_coop = r.VerbalCoop, material_coop = r.MaterialCoop,
                        verbal_conflict = r.VerbalConflict, material_conflict = r.MaterialConflict, goldstein_mean = r.GoldsteinMean,
                        tone_mean = r.ToneMean, articles = r.Articles, gdelt_events = r.GdeltEvents,
                    }), Indented));
                    break;
                case "table":
                    var table = new Table().AddColumns("period", "events", "verbal coop", "material coop", "verbal conflict", "material conflict", "Goldstein", "tone", "articles");
                    foreach (var r in rows)
                    {
                        table.AddRow(r.Period, N(r.Events), N(r.VerbalCoop), N(r.MaterialCoop), N(r.VerbalConflict), N(r.MaterialConflict),
                            r.GoldsteinMean.ToString("F4", CultureInfo.InvariantCulture), r.ToneMean.ToString("F4", CultureInfo.InvariantCulture), N(r.Articles));
                    }

                    var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
                    if (!ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected)
                    {
                        console.Profile.Width = 160; // not a terminal: do not wrap the table at 80 columns
                    }

                    console.Write(table);
                    break;
                default:
                    await stderr.WriteLineAsync($"--format '{parse.GetValue(format)}' must be table, csv or json.");
                    return PuenteCli.Failed;
            }

            return PuenteCli.Ok;
        }));
        events.Subcommands.Add(summary);

        var since = new Option<string>("--since") { Description = "First day (YYYY-MM-DD, UTC).", Required = true };
        var until = new Option<string?>("--until") { Description = "Last day (YYYY-MM-DD, UTC); default today." };
        var fetch = new Command("fetch", "Download GDELT 2.0 event files in a date range (checked against the master list's MD5), ingest them, and report missing 15-minute slots.") { since, until };
        fetch.SetAction((parse, ct) => PuenteCli.WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, _) =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            if (!IsoDate.TryParse(parse.GetValue(since), out var first))
            {
                await stderr.WriteLineAsync($"--since '{parse.GetValue(since)}' is not a date (YYYY-MM-DD, 1900–2200).");
                return PuenteCli.Failed;
            }

            var last = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            if (parse.GetValue(until) is { } u && !IsoDate.TryParse(u, out last))
            {
                await stderr.WriteLineAsync($"--until '{u}' is not a date (YYYY-MM-DD, 1900–2200).");
                return PuenteCli.Failed;
            }

            if (last < first)
            {
                await stderr.WriteLineAsync("--until is before --since.");
                return PuenteCli.Failed;
            }

            var configuration = sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
            var baseText = configuration["Events:Gdelt:BaseUrl"] ?? Puente.Events.Fetch.GdeltFetcher.DefaultBaseUrl;
            if (!Uri.TryCreate(baseText.EndsWith('/') ? baseText : baseText + "/", UriKind.Absolute, out var baseUrl))
            {
                await stderr.WriteLineAsync($"Configuration error: Events:Gdelt:BaseUrl '{baseText}' is not an absolute URL.");
                return PuenteCli.BadConfiguration;
            }

            var settings = sp.GetRequiredService<PuenteSettings>();
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var fetcher = new Puente.Events.Fetch.GdeltFetcher(http, baseUrl, settings.DataDirectory, time);
            using var store = EventStore.Open(Path.Combine(settings.DataDirectory, EventStore.FileName));
            Puente.Events.Fetch.FetchReport report;
            try
            {
                report = await fetcher.FetchAsync(first, last, store, IngestOptions.Default, line => stdout.WriteLine(line), ct);
            }
            catch (HttpRequestException ex)
            {
                await stderr.WriteLineAsync($"Cannot read the master file list at {baseUrl}: {ex.Message}");
                return PuenteCli.Failed;
            }

            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{report.Listed.Count} file(s) listed for {first:yyyy-MM-dd}..{last:yyyy-MM-dd}: {report.Downloaded.Count} downloaded, {report.AlreadyPresent.Count} already present, {report.Failed.Count} failed."));
            foreach (var (file, reason) in report.Failed)
            {
                await stdout.WriteLineAsync($"FAILED {file.Url}: {reason}");
            }

            if (report.MissingSlots.Count > 0)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{report.MissingSlots.Count} 15-minute slot(s) have no file in GDELT's list: {string.Join(", ", report.MissingSlots.Take(20).Select(s => s.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)))}{(report.MissingSlots.Count > 20 ? ", …" : "")}"));
            }

            await ReportAsync(report.Ingested, stdout);
            return report.Failed.Count > 0 ? PuenteCli.Failed : PuenteCli.Ok;
        }));
        events.Subcommands.Add(fetch);
        return events;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<FileOutcome>> RunWithProgressAsync(EventStore store, IReadOnlyList<string> files, IngestOptions options,
        TextWriter stdout, CancellationToken ct)
    {
        if (!Console.IsOutputRedirected && ReferenceEquals(stdout, Console.Out))
        {
            IReadOnlyList<FileOutcome> result = [];
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Ingesting GDELT files", maxValue: files.Count);
                result = await store.IngestAsync(files, options, _ => task.Increment(1), ct);
            });
            return result;
        }

        var done = 0;
        return await store.IngestAsync(files, options, outcome =>
        {
            var n = Interlocked.Increment(ref done);
            lock (stdout)
            {
                stdout.WriteLine($"[{n}/{files.Count}] {Path.GetFileName(outcome.Path)}: {outcome.Status}, {outcome.Report?.Kept ?? 0} kept of {outcome.Report?.Lines ?? 0} lines");
            }
        }, ct);
    }

    private static async Task ReportAsync(IReadOnlyList<FileOutcome> outcomes, TextWriter stdout)
    {
        var ingested = outcomes.Where(o => o.Status == FileOutcome.Ingested).ToList();
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{ingested.Count} file(s) ingested, {outcomes.Count(o => o.Status == FileOutcome.AlreadyIngested)} already ingested, {outcomes.Count(o => o.Status == FileOutcome.Refused)} refused; " +
            $"{ingested.Sum(o => o.Report!.Lines)} lines, {ingested.Sum(o => o.Report!.Kept)} events kept, {ingested.Sum(o => o.Report!.Skipped)} lines skipped."));
        foreach (var o in outcomes.Where(o => o.Message is not null))
        {
            await stdout.WriteLineAsync((o.Status == FileOutcome.Refused ? "REFUSED: " : "") + o.Message);
        }

        foreach (var problem in Enum.GetValues<LineProblem>())
        {
            var affected = outcomes.Where(o => o.Report?.Problems.ContainsKey(problem) == true).ToList();
            if (affected.Count == 0)
            {
                continue;
            }

            var total = affected.Sum(o => o.Report!.Problems[problem].Count);
            var where = string.Join("; ", affected.Take(5).Select(o => $"{Path.GetFileName(o.Path)} lines {string.Join(", ", o.Report!.Problems[problem].FirstLines)}"));
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Skipped {total} line(s): {Describe(problem)} (first: {where})"));
        }
    }

    private static string Describe(LineProblem p) => p switch
    {
        LineProblem.WrongFieldCount => "wrong number of fields",
        LineProblem.BadNumber => "a number field is not a valid number",
        LineProblem.BadDate => "a date field is not a valid date",
        LineProblem.InvalidUtf8 => "not valid UTF-8",
        _ => $"longer than {GdeltEventReader.MaxLineBytes} bytes",
    };
}
