using System.CommandLine;
using System.Globalization;
using Puente.Events;
using Puente.Events.Narrative;
using Puente.Events.Store;

namespace Puente.Cli;

/// <summary><c>puente narrative ingest|summary</c>: GKG 2.1 articles and the white paper's narrative frames.</summary>
public static class NarrativeCommands
{
    private static readonly string[] Header = ["month", "group", "articles", "tone_mean"];

    public static Command Build(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var narrative = new Command("narrative", "Press narrative (GDELT GKG 2.1): how each country's outlets frame the other.");
        var paths = new Argument<string[]>("PATH") { Description = "GKG files (.csv or .zip), folders or globs.", Arity = ArgumentArity.OneOrMore };
        var ingest = new Command("ingest", "Keep the GKG articles about Mexico or the United States.") { paths };
        ingest.SetAction((parse, ct) => PuenteCli.WithSettingsAsync(parse.GetValue(dataDir), stderr, async settings =>
        {
            var (files, unmatched) = InputPaths.Expand(parse.GetValue(paths)!, gkg: true);
            foreach (var missing in unmatched)
            {
                await stderr.WriteLineAsync($"No such file, folder or matching files: {missing}");
            }

            if (unmatched.Count > 0)
            {
                return PuenteCli.Failed;
            }

            using var store = EventStore.Open(Path.Combine(settings.DataDirectory, EventStore.FileName));
            foreach (var file in files)
            {
                ct.ThrowIfCancellationRequested();
                var report = GkgIngest.Ingest(store, file);
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(file)}: {report.Status}, {report.Kept} article(s) about Mexico or the U.S. of {report.Lines} line(s)."));
                foreach (var (reason, (count, lines)) in report.Problems)
                {
                    await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  skipped {count} line(s): {reason} (first: {string.Join(", ", lines)})"));
                }
            }

            return PuenteCli.Ok;
        }));
        narrative.Subcommands.Add(ingest);

        var format = new Option<string>("--format") { Description = "table or csv.", DefaultValueFactory = _ => "table" };
        var summary = new Command("summary", "Per month and group: articles, mean tone and the share of each frame (frames.json in the data directory).") { format };
        summary.SetAction((parse, ct) => PuenteCli.WithSettingsAsync(parse.GetValue(dataDir), stderr, async settings =>
        {
            FrameMap frames;
            try
            {
                frames = FrameMap.Load(settings.DataDirectory);
            }
            catch (InvalidDataException ex)
            {
                await stderr.WriteLineAsync(ex.Message);
                return PuenteCli.Failed;
            }

            using var store = new EventStoreAccess(Path.Combine(settings.DataDirectory, EventStore.FileName));
            if (!store.StoreExists)
            {
                await stderr.WriteLineAsync("No narrative data yet: run 'puente narrative ingest PATH...' first.");
                return PuenteCli.Failed;
            }

            var rows = await new EventQueries(store).NarrativeAsync(frames, ct);
            var csv = parse.GetValue(format) == "csv";
            var sep = csv ? "," : "\t";
            await stdout.WriteLineAsync(string.Join(sep, Header.Concat(frames.Frames.Select(f => f.Code.ToLowerInvariant()))));
            foreach (var r in rows)
            {
                await stdout.WriteLineAsync(string.Join(sep, new[]
                {
                    r.Month, r.Group == NarrativeGroup.UsOnMexico ? "us-on-mexico" : "mexico-on-us",
                    r.Articles.ToString(CultureInfo.InvariantCulture), r.ToneMean.ToString("F4", CultureInfo.InvariantCulture),
                }.Concat(frames.Frames.Select(f => r.FrameShares[f.Code].ToString("F4", CultureInfo.InvariantCulture)))));
            }

            return PuenteCli.Ok;
        }));
        narrative.Subcommands.Add(summary);
        return narrative;
    }
}
