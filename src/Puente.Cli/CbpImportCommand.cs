using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Puente.Core.Access;
using Puente.Core.Text;
using Puente.Core.Warning;
using Puente.Data;
using Puente.Data.Access;
using Puente.Data.Warning;

namespace Puente.Cli;

/// <summary>
/// <c>puente indicators import-cbp FILE [--by region|sector|citizenship] [--region NAME] [--component usbp|ofo|all]
/// [--series NAME…|--all] [--prefix CODE] [--dry-run]</c>: the public CBP encounter downloads as monthly indicators
/// (<see cref="CbpImporter"/>; codes: <see cref="CbpIndicators"/>). Attached under <c>puente indicators</c>.
/// </summary>
public static class CbpImportCommand
{
    public static Command Build(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "A CBP encounter download saved as UTF-8 CSV: a DHS OHSS sheet (Monthly Region, Monthly Sector, Monthly Rgn and Citp) or CBP's Southwest Land Border Encounters.",
        };
        var by = new Option<string>("--by") { Description = "One indicator per region (default), sector or citizenship.", DefaultValueFactory = _ => "region" };
        by.AcceptOnlyFromAmong("region", "sector", "citizenship");
        var region = new Option<string?>("--region") { Description = "Count one region's rows only (e.g. \"Southwest Land Border\")." };
        var component = new Option<string>("--component")
        {
            Description = "usbp (U.S. Border Patrol, default), ofo (Office of Field Operations) or all (both); OFO is only in CBP's Southwest Land Border file.",
            DefaultValueFactory = _ => "usbp",
        };
        component.AcceptOnlyFromAmong("usbp", "ofo", "all");
        var series = new Option<string[]>("--series")
        {
            Description = "The regions, sectors or citizenships to import, as the file names them. Default with --by region: the --region given, "
                + "else Southwest Land Border; with --by sector or citizenship, name them or give --all.",
            AllowMultipleArgumentsPerToken = true,
        };
        var all = new Option<bool>("--all") { Description = $"Import every series of the file (at most {CbpEncounters.MaxSeries})." };
        var prefix = new Option<string?>("--prefix")
        {
            Description = "The codes' prefix (default CBP-USBP, CBP-OFO or CBP-ALL by component). A code is PREFIX-SERIES (PREFIX-REGION-SERIES for a "
                + "citizenship of one region): regions as SW, NORTH, COAST, other names in upper-case ASCII with '-' between words, at most 40 characters. "
                + "The southwest region's Border Patrol series is CBP-USBP-SW.",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what would be added, revised and unchanged; write nothing." };
        var command = new Command("import-cbp",
            "Import CBP encounter series as monthly indicators (unit encounters, concern up, issue MIGRATION, Shared). A new indicator gets the names and "
            + "source; an existing one keeps its own and only its values are recorded. All or nothing: any problem writes nothing.")
        {
            file, by, region, component, series, all, prefix, dryRun,
        };
        command.SetAction((parse, ct) => PuenteCli.WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, logger) =>
        {
            var path = parse.GetValue(file)!;
            if (await InputFile.ReadAsync(path, CbpEncounters.MaxBytes, "; a CBP encounter sheet is far smaller.", stderr, ct) is not { } content)
            {
                return PuenteCli.Failed;
            }

            var request = new CbpImportRequest(
                EnumText.TryParse<CbpBreakdown>(parse.GetValue(by), out var breakdown) ? breakdown : CbpBreakdown.Region,
                parse.GetValue(region),
                parse.GetValue(component) switch { "ofo" => CbpComponent.OfoOnly, "all" => CbpComponent.UsbpAndOfo, _ => CbpComponent.UsbpOnly },
                parse.GetValue(series) ?? [],
                parse.GetValue(all),
                parse.GetValue(prefix),
                parse.GetValue(dryRun));

            await sp.InitializePuenteAsync(logger, ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            CbpImportResult result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<CbpImporter>().ImportAsync(content, request, ct);
            }
            catch (DbUpdateException ex) when (UniqueConflict.From(ex) is not null)
            {
                await stderr.WriteLineAsync("Another writer recorded one of these indicators or values meanwhile; nothing was written. Import again.");
                return PuenteCli.Failed;
            }

            var fileProblems = result.Table.Problems;
            foreach (var problem in fileProblems.Listed)
            {
                await stderr.WriteLineAsync($"row {problem.Row}, {problem.Field}: {problem.Message}");
            }

            if (fileProblems.Unlisted > 0)
            {
                await stderr.WriteLineAsync($"{fileProblems.Unlisted} more problem(s) not listed ({fileProblems.Total} in all).");
            }

            foreach (var problem in result.Problems)
            {
                await stderr.WriteLineAsync($"--{problem.Field}: {problem.Problem}");
            }

            if (!result.Ok)
            {
                await stderr.WriteLineAsync($"{path}: nothing was written.");
                return PuenteCli.Failed;
            }

            await stdout.WriteLineAsync($"{result.Table.Rows} row(s) read ({result.Table.Layout}).");
            foreach (var s in result.Series)
            {
                var changes = s.Added + s.Revised > 0;
                var what = (request.DryRun, s.Created, changes) switch
                {
                    (true, true, _) => "would be created",
                    (true, false, true) => "would be updated",
                    (false, true, _) => "created",
                    (false, false, true) => "updated",
                    _ => "unchanged",
                };
                await stdout.WriteLineAsync($"{s.Code} ({s.Name}) {what}: {s.Added} added, {s.Revised} revised, {s.Unchanged} unchanged.");
            }

            if (request.DryRun)
            {
                await stdout.WriteLineAsync("Dry run: nothing was written.");
            }
            else
            {
                logger.LogInformation("Imported {Count} CBP series from {File}", result.Series.Count, path);
            }

            return PuenteCli.Ok;
        }));
        return command;
    }
}
