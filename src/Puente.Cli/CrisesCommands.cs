using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Puente.Core.Access;
using Puente.Data;
using Puente.Data.Access;
using Puente.Data.Warning;

namespace Puente.Cli;

/// <summary>
/// <c>puente crises add</c> marks a crisis (its days, agenda issue and names; checked as the web checks them, Shared,
/// audited like every record) and <c>puente crises list</c> lists them — the periods backtests measure lead time against.
/// </summary>
public static class CrisesCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Build(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var crises = new Command("crises", "Crises users mark (days, agenda issue, description), against which backtests measure the detectors.");
        crises.Subcommands.Add(Add(dataDir, stdout, stderr));
        crises.Subcommands.Add(List(dataDir, stdout, stderr));
        return crises;
    }

    private static Command Add(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var code = new Option<string>("--code") { Description = "The crisis's code (upper-case letters, digits, '-', '.').", Required = true };
        var start = new Option<string>("--start") { Description = "First day (YYYY-MM-DD).", Required = true };
        var end = new Option<string>("--end") { Description = "Last day, inclusive (YYYY-MM-DD), not after today.", Required = true };
        var issue = new Option<string>("--issue") { Description = "The agenda issue's code, e.g. MIGRATION.", Required = true };
        var name = new Option<string?>("--name") { Description = "Name in English." };
        var nameEs = new Option<string?>("--name-es") { Description = "Name in Spanish." };
        var description = new Option<string?>("--description") { Description = "Description in English." };
        var descriptionEs = new Option<string?>("--description-es") { Description = "Description in Spanish." };
        var add = new Command("add", "Mark a crisis; every problem is reported by option and nothing is written then.")
        {
            code, start, end, issue, name, nameEs, description, descriptionEs,
        };
        add.SetAction((parse, ct) => PuenteCli.WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, logger) =>
        {
            await sp.InitializePuenteAsync(logger, ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            var entry = new CrisisEntry(parse.GetValue(code), parse.GetValue(start), parse.GetValue(end), parse.GetValue(issue),
                parse.GetValue(name), parse.GetValue(nameEs), parse.GetValue(description), parse.GetValue(descriptionEs));
            var (crisis, problems) = await AddAsync(scope.ServiceProvider.GetRequiredService<CrisisRecorder>(), entry, stderr, ct);
            if (crisis is null)
            {
                foreach (var (field, problem) in problems)
                {
                    await stderr.WriteLineAsync($"{Option(field)}: {problem}");
                }

                return PuenteCli.Failed;
            }

            await stdout.WriteLineAsync($"Marked crisis {crisis.Code}: {Day(crisis.Start)} to {Day(crisis.End)}, {crisis.IssueCode}.");
            logger.LogInformation("Marked crisis {Code} ({Start} to {End}, {Issue})", crisis.Code, crisis.Start, crisis.End, crisis.IssueCode);
            return PuenteCli.Ok;
        }));
        return add;
    }

    private static async Task<(Core.Warning.MarkedCrisis? Crisis, List<(string Field, Core.Text.Problem Problem)> Problems)> AddAsync(CrisisRecorder recorder,
        CrisisEntry entry, TextWriter stderr, CancellationToken ct)
    {
        try
        {
            return await recorder.AddAsync(entry, ct);
        }
        catch (DbUpdateException ex) when (UniqueConflict.From(ex) is not null)
        {
            await stderr.WriteLineAsync("Another writer used this code meanwhile; nothing was written.");
            return (null, []);
        }
    }

    private static Command List(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var issue = new Option<string?>("--issue") { Description = "Only the crises of this agenda issue (its code)." };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        var list = new Command("list", "List the marked crises by first day.") { issue, format };
        list.SetAction((parse, ct) => PuenteCli.WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, logger) =>
        {
            var kind = parse.GetValue(format);
            if (kind is not ("table" or "json"))
            {
                await stderr.WriteLineAsync($"Unknown format '{kind}'; use table or json.");
                return PuenteCli.Failed;
            }

            await sp.InitializePuenteAsync(logger, ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            var items = await scope.ServiceProvider.GetRequiredService<CrisisRecorder>().ListAsync(parse.GetValue(issue), null, null, ct);
            if (kind == "json")
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(items.Select(c => new
                {
                    code = c.Code, start = Day(c.Start), end = Day(c.End), issue = c.IssueCode, nameEn = c.NameEn, nameEs = c.NameEs,
                    confidentiality = c.Confidentiality.ToString(), ownerSide = c.OwnerSide.ToString(),
                }), Indented));
                return PuenteCli.Ok;
            }

            if (items.Count == 0)
            {
                await stdout.WriteLineAsync("No crises are marked.");
                return PuenteCli.Ok;
            }

            var width = Math.Max(4, items.Max(c => c.Code.Length));
            await stdout.WriteLineAsync($"{"Code".PadRight(width)}  Start       End         Issue              Name");
            foreach (var c in items)
            {
                var label = c.NameEn.Length > 0 ? c.NameEn : c.NameEs;
                await stdout.WriteLineAsync($"{c.Code.PadRight(width)}  {Day(c.Start)}  {Day(c.End)}  {(c.IssueCode ?? "").PadRight(17)}  {label}");
            }

            await stdout.WriteLineAsync($"{items.Count} crisis(es).");
            return PuenteCli.Ok;
        }));
        return list;
    }

    /// <summary>The option a problem's field came from.</summary>
    private static string Option(string field) => field switch
    {
        "nameEn" => "--name",
        "nameEs" => "--name-es",
        "descriptionEn" => "--description",
        "descriptionEs" => "--description-es",
        _ => "--" + field,
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
