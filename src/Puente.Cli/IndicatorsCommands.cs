using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Localization;
using Puente.Core.Records;
using Puente.Core.Text;
using Puente.Core.Warning;
using Puente.Data;
using Puente.Data.Access;
using Puente.Data.Warning;

namespace Puente.Cli;

/// <summary>
/// <c>puente indicators import FILE.csv --indicator CODE […]</c> (a <c>period,value</c> CSV, all rows or none) and
/// <c>puente indicators list</c>. Both act as the system (the command is run by whoever runs the host); every write is
/// audited as the system's. Loaders of outside sources with a layout of their own add their command in
/// <see cref="SourceLoaders"/>.
/// </summary>
public static class IndicatorsCommands
{
    public static Command Build(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var indicators = new Command("indicators", "Early-warning indicators: time series imported from outside sources or derived from Puente's own data.");
        indicators.Subcommands.Add(Import(dataDir, stdout, stderr));
        indicators.Subcommands.Add(List(dataDir, stdout, stderr));
        foreach (var loader in SourceLoaders(dataDir, stdout, stderr))
        {
            indicators.Subcommands.Add(loader);
        }

        return indicators;
    }

    /// <summary>The commands that load an outside source's own layout into indicators: the DHS/CBP encounter files
    /// (<c>import-cbp</c>, <see cref="CbpImportCommand"/>).</summary>
    private static IEnumerable<Command> SourceLoaders(Option<string?> dataDir, TextWriter stdout, TextWriter stderr) =>
        [CbpImportCommand.Build(dataDir, stdout, stderr)];

    private static Command Import(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "UTF-8 CSV with a header row: period,value (periods YYYY-MM-DD, YYYY-MM or YYYY; values with a decimal point, no thousands separators)." };
        var options = new IndicatorDescriptionOptions();
        var import = new Command("import", "Record an indicator's values from a CSV file, creating the indicator when it is new. Every row is checked; all rows are written or none.") { file };
        foreach (var option in options.All)
        {
            import.Options.Add(option);
        }

        import.SetAction((parse, ct) => PuenteCli.WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, logger) =>
        {
            var path = parse.GetValue(file)!;
            if (await InputFile.ReadAsync(path, IndicatorCsv.MaxBytes, $"; an indicator holds at most {Indicator.MaxValues} values.", stderr, ct) is not { } content)
            {
                return PuenteCli.Failed;
            }

            await sp.InitializePuenteAsync(logger, ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            var code = await ImportAsync(scope.ServiceProvider, content, options.Read(parse), stdout, stderr, ct);
            if (code == PuenteCli.Ok)
            {
                logger.LogInformation("Imported indicator values from {File}", path);
            }

            return code;
        }));
        return import;
    }

    /// <summary>
    /// Imports a <c>period,value</c> CSV into the indicator <paramref name="description"/> names, in a scope whose
    /// viewer is the system: finds or describes the indicator, reads the file with its frequency, and writes every value
    /// in one save, or nothing when anything is wrong (the problems are printed, at most
    /// <see cref="IndicatorCsv.MaxListedProblems"/> of them). Returns the exit code.
    /// </summary>
    public static async Task<int> ImportAsync(IServiceProvider services, byte[] content, IndicatorDescription description, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(stdout);
        var (indicator, isNew) = await ResolveAsync(services, description, stderr, cancellationToken);
        if (indicator is null)
        {
            return PuenteCli.Failed;
        }

        var table = IndicatorCsv.Parse(content, indicator.Frequency);
        foreach (var problem in table.Problems.Listed)
        {
            await stdout.WriteLineAsync($"row {problem.Row}, {problem.Field}: {problem.Message}");
        }

        if (table.Problems.Unlisted > 0)
        {
            await stdout.WriteLineAsync($"{table.Problems.Unlisted} more problem(s) not listed ({table.Problems.Total} in all).");
        }

        if (!table.Valid)
        {
            await stdout.WriteLineAsync(table.Refused
                ? "The file was refused as a whole; nothing was written."
                : $"{table.Rows} row(s) read; nothing was written because of the problems above. Fix them and import the file again.");
            return PuenteCli.Failed;
        }

        return await RecordAsync(services, indicator, isNew, table.Values, stdout, stderr, cancellationToken);
    }

    /// <summary>
    /// The indicator an import writes into: the stored one with the description's code (tracked), or a new one from the
    /// description (not yet added: <see cref="RecordAsync"/> saves it with its values). Null after printing why when the
    /// code is bad, the indicator is derived, the description disagrees with the stored indicator, or a new one's
    /// description is incomplete or invalid.
    /// </summary>
    public static async Task<(Indicator? Indicator, bool IsNew)> ResolveAsync(IServiceProvider services, IndicatorDescription description, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(stderr);
        var db = services.GetRequiredService<PuenteDbContext>();
        var code = CatalogCode.Normalize(description.Code);
        if (!CatalogCode.IsValid(code))
        {
            await stderr.WriteLineAsync($"--indicator: '{ImportFile.Echo(description.Code)}' is not a code (1–40 upper-case letters, digits, '-' or '.').");
            return (null, false);
        }

        var problems = new List<string>();
        var existing = await db.Set<Indicator>().FirstOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (existing is not null)
        {
            if (existing.Derivation is { } derivation)
            {
                problems.Add(IndicatorProblems.Derived.With(existing.Code, derivation).ToString() + ".");
            }
            else
            {
                Differs(problems, "--name", description.Name, existing.NameEn);
                Differs(problems, "--name-es", description.NameEs, existing.NameEs);
                Differs(problems, "--unit", description.Unit, existing.Unit);
                Differs(problems, "--source", description.Source, existing.SourceEn);
                Differs(problems, "--source-es", description.SourceEs, existing.SourceEs);
                Differs(problems, "--source-url", description.SourceUrl, existing.SourceUrl ?? "");
                DiffersEnum(problems, "--frequency", description.Frequency, existing.Frequency);
                DiffersEnum(problems, "--concern", description.Concern, existing.Concern);
                DiffersEnum(problems, "--confidentiality", description.Confidentiality, existing.Confidentiality);
                DiffersEnum(problems, "--side", description.Side, existing.OwnerSide);
                if (problems.Count > 0)
                {
                    problems.Add($"{code} exists: an import adds values only. Change the indicator itself on its page or with PUT /api/v1/indicators/{code}.");
                }
            }

            return await ReportAsync(existing, isNew: false);
        }

        var missing = new (string Option, string? Value)[] { ("--name", description.Name), ("--unit", description.Unit), ("--frequency", description.Frequency), ("--concern", description.Concern) }
            .Where(o => string.IsNullOrWhiteSpace(o.Value)).Select(o => o.Option).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{code} is a new indicator: give --name, --unit, --frequency and --concern (missing: {string.Join(", ", missing)}).");
        }

        var indicator = new Indicator { Id = Guid.CreateVersion7(), Code = code };
        indicator.NameEn = Text(problems, "--name", description.Name, BilingualRecord.NameMaxLength);
        indicator.NameEs = Text(problems, "--name-es", description.NameEs, BilingualRecord.NameMaxLength);
        indicator.Unit = Text(problems, "--unit", description.Unit, Indicator.UnitMaxLength);
        indicator.SourceEn = Text(problems, "--source", description.Source, Indicator.SourceMaxLength);
        indicator.SourceEs = Text(problems, "--source-es", description.SourceEs, Indicator.SourceMaxLength);
        if (!string.IsNullOrWhiteSpace(description.SourceUrl))
        {
            var url = description.SourceUrl.Trim();
            if (url.Length > Indicator.UrlMaxLength || !WebAddress.IsValid(url))
            {
                problems.Add($"--source-url: '{ImportFile.Echo(url)}' is not a web address (http or https, at most {Indicator.UrlMaxLength} characters).");
            }

            indicator.SourceUrl = url;
        }

        if (description.Frequency is { } frequencyText && !string.IsNullOrWhiteSpace(frequencyText))
        {
            if (EnumText.TryParse<IndicatorFrequency>(frequencyText, out var frequency))
            {
                indicator.Frequency = frequency;
            }
            else
            {
                problems.Add($"--frequency: '{ImportFile.Echo(frequencyText)}' is not a frequency; use day, week, month, quarter or year.");
            }
        }

        if (description.Concern is { } concernText && !string.IsNullOrWhiteSpace(concernText))
        {
            if (EnumText.TryParse<Concern>(concernText, out var concern))
            {
                indicator.Concern = concern;
            }
            else
            {
                problems.Add($"--concern: '{ImportFile.Echo(concernText)}' is not a concern; use up, down or both.");
            }
        }

        if (!string.IsNullOrWhiteSpace(description.Confidentiality))
        {
            if (!EnumText.TryParse<Confidentiality>(description.Confidentiality, out var confidentiality))
            {
                problems.Add($"--confidentiality: '{ImportFile.Echo(description.Confidentiality)}' is not a confidentiality; use Shared or Internal.");
            }
            else if (confidentiality == Core.Access.Confidentiality.Restricted)
            {
                problems.Add("--confidentiality: a Restricted indicator needs its readers named, which this command does not do. Import it as Internal, then restrict it on its page.");
            }
            else
            {
                indicator.Confidentiality = confidentiality;
            }
        }

        if (!string.IsNullOrWhiteSpace(description.Side))
        {
            if (EnumText.TryParse<Side>(description.Side, out var side))
            {
                indicator.OwnerSide = side;
            }
            else
            {
                problems.Add($"--side: '{ImportFile.Echo(description.Side)}' is not a side; use MX, US or Joint.");
            }
        }

        return await ReportAsync(indicator, isNew: true);

        async Task<(Indicator?, bool)> ReportAsync(Indicator found, bool isNew)
        {
            foreach (var problem in problems)
            {
                await stderr.WriteLineAsync(problem);
            }

            return problems.Count > 0 ? (null, false) : (found, isNew);
        }
    }

    /// <summary>
    /// Records <paramref name="values"/> (periods already the first days of the indicator's periods, no period twice)
    /// into <paramref name="indicator"/> from <see cref="ResolveAsync"/>: checks that it would hold at most
    /// <see cref="Indicator.MaxValues"/> values, then writes the new indicator (if new) and every value in one save
    /// through the intake, and prints what changed. Returns the exit code.
    /// </summary>
    public static async Task<int> RecordAsync(IServiceProvider services, Indicator indicator, bool isNew, IReadOnlyCollection<(DateOnly Period, double Value)> values,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var db = services.GetRequiredService<PuenteDbContext>();
        var count = isNew ? values.Count : await IndicatorCapacity.ValuesAfterAsync(db, indicator.Id, values.Select(v => v.Period), cancellationToken);
        if (count > Indicator.MaxValues)
        {
            await stderr.WriteLineAsync(IndicatorProblems.TooManyValues.With(count, Indicator.MaxValues) + "; nothing was written.");
            return PuenteCli.Failed;
        }

        if (isNew)
        {
            db.Add(indicator);
        }

        IntakeResult result;
        try
        {
            result = await services.GetRequiredService<IndicatorIntake>().RecordAsync(indicator, values, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await stderr.WriteLineAsync($"Someone changed {indicator.Code} meanwhile; nothing was written. Import again.");
            return PuenteCli.Failed;
        }
        catch (DbUpdateException ex) when (UniqueConflict.From(ex) is not null)
        {
            await stderr.WriteLineAsync($"Another writer recorded {indicator.Code} or one of these periods meanwhile; nothing was written. Import again.");
            return PuenteCli.Failed;
        }

        await stdout.WriteLineAsync($"{(isNew ? "Created" : "Updated")} indicator {indicator.Code} ({indicator.Frequency.ToString().ToLowerInvariant()}, {indicator.Unit}): "
            + $"{result.Added} value(s) added, {result.Revised} revised, {result.Unchanged} unchanged.");
        return PuenteCli.Ok;
    }

    private static Command List(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var list = new Command("list", "List the indicators: code, frequency, number of values, latest period and value, unit, access and name (derived ones marked).");
        list.SetAction((parse, ct) => PuenteCli.WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, logger) =>
        {
            await sp.InitializePuenteAsync(logger, ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            await ListAsync(scope.ServiceProvider.GetRequiredService<PuenteDbContext>(), stdout, ct);
            return PuenteCli.Ok;
        }));
        return list;
    }

    /// <summary>Prints every indicator the scope's viewer reads, by code.</summary>
    public static async Task ListAsync(PuenteDbContext db, TextWriter stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(stdout);
        var indicators = await db.Set<Indicator>().AsNoTracking().OrderBy(i => i.Code).ToListAsync(cancellationToken);
        var counts = await db.Set<IndicatorValue>().GroupBy(v => v.ParentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var latest = await db.Set<IndicatorValue>().Where(v => v.Period == v.Indicator!.LatestPeriod)
            .Select(v => new { v.ParentId, v.Value }).ToDictionaryAsync(v => v.ParentId, v => v.Value, cancellationToken);
        if (indicators.Count == 0)
        {
            await stdout.WriteLineAsync("No indicators yet. Import one with: puente indicators import FILE.csv --indicator CODE --name … --unit … --frequency … --concern …");
            return;
        }

        await stdout.WriteLineAsync($"{"CODE",-32} {"FREQUENCY",-9} {"VALUES",6} {"LATEST",-10} {"VALUE",16} {"UNIT",-16} {"ACCESS",-14} NAME");
        foreach (var i in indicators)
        {
            var period = i.LatestPeriod is { } p ? IndicatorPeriods.Format(i.Frequency, p) : "-";
            var value = latest.TryGetValue(i.Id, out var v) ? v.ToString("0.###", CultureInfo.InvariantCulture) : "-";
            var access = i.Confidentiality == Core.Access.Confidentiality.Shared ? "Shared" : $"{i.Confidentiality} ({i.OwnerSide})";
            var name = Bilingual.Pick(i.NameEn, i.NameEs, CultureInfo.InvariantCulture) + (i.Derivation is { } d ? $" [derived: {d}]" : "");
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{i.Code,-32} {i.Frequency.ToString().ToLowerInvariant(),-9} {counts.GetValueOrDefault(i.Id),6} {period,-10} {value,16} {i.Unit,-16} {access,-14} {name}"));
        }
    }

    private static string Text(List<string> problems, string option, string? value, int max)
    {
        var text = value?.Trim() ?? "";
        return ImportFile.Text(text, option, max, multiline: false, IndicatorProblems.TooLong, (field, problem) => problems.Add($"{field}: {problem}."));
    }

    private static void Differs(List<string> problems, string option, string? given, string stored)
    {
        if (given is not null && !string.Equals(given.Trim(), stored, StringComparison.Ordinal))
        {
            problems.Add($"{option}: '{ImportFile.Echo(given.Trim())}' differs from the indicator's '{ImportFile.Echo(stored)}'.");
        }
    }

    private static void DiffersEnum<TEnum>(List<string> problems, string option, string? given, TEnum stored)
        where TEnum : struct, Enum
    {
        if (given is not null && !(EnumText.TryParse<TEnum>(given, out var value) && value.Equals(stored)))
        {
            problems.Add($"{option}: '{ImportFile.Echo(given.Trim())}' differs from the indicator's {stored}.");
        }
    }
}
