using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Puente.Core.Access;
using Puente.Core.Plans;
using Puente.Data;
using Puente.Data.Access;
using Puente.Data.Plans;

namespace Puente.Cli;

/// <summary><c>puente plans import FILE.(csv|json)</c> and <c>puente plans export CODE --format csv|json</c> (format: docs/plan-import.md).</summary>
public static class PlansCommands
{
    public static Command Build(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var plans = new Command("plans", "Plans and their recommendations (the white paper, imported strategy documents).");
        plans.Subcommands.Add(Import(dataDir, stdout, stderr));
        plans.Subcommands.Add(Export(dataDir, stdout, stderr));
        return plans;
    }

    private static Command Import(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "UTF-8 CSV (.csv, a header row, one recommendation per row) or JSON (.json) (docs/plan-import.md)." };
        var validOnly = new Option<bool>("--valid-rows-only") { Description = "Write the valid recommendations even if others have problems (default: write nothing then)." };
        var import = new Command("import", "Create or update a plan and its recommendations; every row is checked and every problem reported by row and column.") { file, validOnly };
        import.SetAction((parse, ct) => PuenteCli.WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, logger) =>
        {
            var path = parse.GetValue(file)!;
            if (PlanImport.FormatOf(path) is not { } format)
            {
                await stderr.WriteLineAsync($"{path}: give a .csv or a .json file.");
                return PuenteCli.Failed;
            }

            if (await InputFile.ReadAsync(path, PlanImport.MaxBytes, ".", stderr, ct) is not { } content)
            {
                return PuenteCli.Failed;
            }

            await sp.InitializePuenteAsync(logger, ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            PlanImportResult result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(content, format, parse.GetValue(validOnly), ct);
            }
            catch (DbUpdateException ex) when (UniqueConflict.From(ex) is not null)
            {
                await stderr.WriteLineAsync("Another writer recorded a plan or recommendation with one of these codes meanwhile; nothing was written. Import again to see which.");
                return PuenteCli.Failed;
            }

            foreach (var problem in result.Problems.Listed)
            {
                await stdout.WriteLineAsync($"{result.Where(problem)}: {problem.Message}");
            }

            if (result.Problems.Unlisted > 0)
            {
                await stdout.WriteLineAsync($"{result.Problems.Unlisted} more problem(s) not listed ({result.Problems.Total} in all).");
            }

            await stdout.WriteLineAsync($"{result.Table.Rows} recommendation(s) read, {result.Valid} valid.");
            if (result.Table.Refused)
            {
                await stdout.WriteLineAsync("The file was refused as a whole; nothing was written.");
                return PuenteCli.Failed;
            }

            if (!result.Written)
            {
                await stdout.WriteLineAsync("Nothing was written because of the problems above; fix them or use --valid-rows-only.");
                return PuenteCli.Failed;
            }

            await stdout.WriteLineAsync($"Plan {result.Table.Plan!.Code} {(result.PlanCreated ? "created" : "updated")}: {result.Created} recommendation(s) created, "
                + $"{result.Updated} updated, {result.Unchanged} unchanged"
                + (result.NotInFile > 0 ? $"; {result.NotInFile} of the plan's recommendation(s) are not in the file and were kept." : "."));
            logger.LogInformation("Imported plan {Plan} from {File}: {Created} created, {Updated} updated", result.Table.Plan.Code, path, result.Created, result.Updated);
            return PuenteCli.Ok;
        }));
        return import;
    }

    private static Command Export(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var code = new Argument<string>("CODE") { Description = "The plan's code, e.g. WHITE-PAPER-2025." };
        var format = new Option<string>("--format") { Description = "csv (default) or json: the import's format.", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var export = new Command("export", "Write a plan and its recommendations in the import's format (it imports back to the same plan).") { code, format, output };
        export.SetAction((parse, ct) => PuenteCli.WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, logger) =>
        {
            if (!Core.Text.EnumText.TryParse<PlanFileFormat>(parse.GetValue(format), out var kind))
            {
                await stderr.WriteLineAsync($"Unknown format '{parse.GetValue(format)}'; use csv or json.");
                return PuenteCli.Failed;
            }

            await sp.InitializePuenteAsync(logger, ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            var db = scope.ServiceProvider.GetRequiredService<PuenteDbContext>();
            var wanted = Core.Catalog.CatalogCode.Normalize(parse.GetValue(code));
            if (await db.Set<Plan>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == wanted, ct) is not { } plan)
            {
                await stderr.WriteLineAsync($"No plan has the code '{wanted}'.");
                return PuenteCli.Failed;
            }

            var bytes = PlanExport.Write(await PlanFiles.ReadAsync(db, plan, ct), kind);
            if (parse.GetValue(output) is { } path)
            {
                try
                {
                    await File.WriteAllBytesAsync(path, bytes, ct);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await stderr.WriteLineAsync($"Cannot write {path}: {ex.Message}");
                    return PuenteCli.Failed;
                }
            }
            else
            {
                await stdout.WriteAsync(System.Text.Encoding.UTF8.GetString(bytes));
            }

            return PuenteCli.Ok;
        }));
        return export;
    }
}
