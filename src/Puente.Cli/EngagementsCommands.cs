using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Puente.Core.Access;
using Puente.Core.Memory;
using Puente.Data;
using Puente.Data.Access;
using Puente.Data.Memory;

namespace Puente.Cli;

/// <summary><c>puente engagements import FILE.csv</c> (format: docs/engagement-import.md).</summary>
public static class EngagementsCommands
{
    public static Command Build(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var engagements = new Command("engagements", "Engagements of the institutional memory.");
        var file = new Argument<string>("FILE") { Description = "UTF-8 CSV, one engagement per row, with a header row (docs/engagement-import.md)." };
        var validOnly = new Option<bool>("--valid-rows-only") { Description = "Write the valid rows even if other rows have problems (default: write nothing then)." };
        var import = new Command("import", "Import engagements with their participants; every row is checked and every problem reported by row and column.") { file, validOnly };
        import.SetAction((parse, ct) => PuenteCli.WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, logger) =>
        {
            var path = parse.GetValue(file)!;
            if (await InputFile.ReadAsync(path, EngagementImport.MaxBytes, "; split it into smaller files.", stderr, ct) is not { } content)
            {
                return PuenteCli.Failed;
            }

            await sp.InitializePuenteAsync(logger, ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            EngagementImportResult result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<EngagementImporter>().ImportAsync(content, parse.GetValue(validOnly), ct);
            }
            catch (DbUpdateException ex) when (UniqueConflict.From(ex) is not null)
            {
                await stderr.WriteLineAsync("Another writer recorded an engagement with one of these codes meanwhile; nothing was written. Import again to see which rows already exist.");
                return PuenteCli.Failed;
            }

            foreach (var problem in result.Problems.Listed)
            {
                await stdout.WriteLineAsync($"row {problem.Row}, {problem.Field}: {problem.Message}");
            }

            if (result.Problems.Unlisted > 0)
            {
                await stdout.WriteLineAsync($"{result.Problems.Unlisted} more problem(s) not listed ({result.Problems.Total} in all).");
            }

            await stdout.WriteLineAsync($"{result.Table.Rows} row(s), {result.Valid} valid, {result.Written} written.");
            if (result.Table.Refused)
            {
                await stdout.WriteLineAsync("The file was refused as a whole; nothing was written.");
                return PuenteCli.Failed;
            }

            if (result.WroteNothingBecauseOfProblems)
            {
                await stdout.WriteLineAsync("Nothing was written because of the problems above; fix them or use --valid-rows-only.");
                return PuenteCli.Failed;
            }

            logger.LogInformation("Imported {Written} engagements from {File}", result.Written, path);
            return PuenteCli.Ok;
        }));
        engagements.Subcommands.Add(import);
        return engagements;
    }
}
