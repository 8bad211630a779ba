using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Text;
using Puente.Core.Warning;
using Puente.Core.Water;

namespace Puente.Data.Warning;

/// <summary>
/// Which series of a CBP encounter file to import and how: per region, sector or citizenship, of one region, of which
/// component; the series named (none: see <see cref="CbpImporter"/>) or all of them; the code prefix (null:
/// <see cref="CbpIndicators.DefaultPrefix"/>); and whether only to report what would change.
/// </summary>
public sealed record CbpImportRequest(CbpBreakdown By = CbpBreakdown.Region, string? Region = null, CbpComponent Component = CbpComponent.UsbpOnly,
    IReadOnlyList<string>? Series = null, bool All = false, string? Prefix = null, bool DryRun = false);

/// <summary>One series imported (or, in a dry run, that would be): its name in the file, the indicator's code and English
/// name, whether the indicator is new, and the intake's counts.</summary>
public sealed record CbpSeriesImport(string Series, string Code, string Name, bool Created, int Added, int Revised, int Unchanged);

/// <summary>
/// What an import did: the file as read, the problems of the request (the file's own are in
/// <see cref="CbpEncounterTable.Problems"/>), the series imported and whether anything was written.
/// </summary>
public sealed record CbpImportResult(CbpEncounterTable Table, IReadOnlyList<FieldProblem> Problems, IReadOnlyList<CbpSeriesImport> Series, bool Written)
{
    /// <summary>The file and the request are both fine (a dry run included).</summary>
    public bool Ok => Table.Ok && Problems.Count == 0;
}

/// <summary>
/// Imports series of the public CBP encounter downloads (<see cref="CbpEncounters"/>) as monthly indicators
/// (<see cref="CbpIndicators"/>: code, names, source; unit encounters, concern up, agenda issue MIGRATION, Shared). A new
/// indicator is created with those texts; an existing one (same code) keeps its texts, access and detectors, and only
/// its values are recorded — a changed value is a revision. All or nothing: any problem in the file or the request
/// writes nothing, and every series is recorded through <see cref="IndicatorIntake"/> in one transaction, so a failure
/// in the last series undoes the first. The indicators' observers (the detectors) are told after the commit.
/// When no series is named: per region, the region asked for or the Southwest Land Border; otherwise every series only
/// when asked (<see cref="CbpImportRequest.All"/>).
/// </summary>
public sealed class CbpImporter(PuenteDbContext db, TimeProvider time, IEnumerable<IIndicatorObserver> observers)
{
    /// <summary>How many series names an error lists.</summary>
    private const int ListedNames = 12;

    public async Task<CbpImportResult> ImportAsync(ReadOnlyMemory<byte> content, CbpImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = CbpEncounters.Read(content.Span, request.By, request.Region, request.Component);
        if (!table.Ok)
        {
            return new CbpImportResult(table, [], [], false);
        }

        var problems = new List<FieldProblem>();
        var prefix = request.Prefix is null ? CbpIndicators.DefaultPrefix(request.Component) : CatalogCode.Normalize(request.Prefix);
        if (!CbpIndicators.IsPrefix(prefix))
        {
            problems.Add(new("prefix", CbpImportProblems.BadPrefix.With(ImportFile.Echo(request.Prefix ?? ""), CbpIndicators.MaxPrefixLength)));
        }

        var selected = Select(table, request, problems);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var plan = new List<(string Series, string Code)>();
        foreach (var series in problems.Count > 0 ? [] : selected)
        {
            if (CbpIndicators.Code(prefix, request.By, request.Region, series) is not { } code)
            {
                problems.Add(new("series", CbpImportProblems.NoCode.With(ImportFile.Echo(series))));
            }
            else if (!codes.TryAdd(code, series))
            {
                problems.Add(new("series", CbpImportProblems.SameCode.With(ImportFile.Echo(codes[code]), ImportFile.Echo(series), code)));
            }
            else
            {
                plan.Add((series, code));
            }
        }

        var wanted = plan.Select(p => p.Code).ToList();
        var existing = problems.Count > 0 ? [] : await db.Set<Indicator>().IgnoreQueryFilters().Where(i => wanted.Contains(i.Code))
            .ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var other in existing.Values.Where(i => i.Derivation is not null || i.Frequency != IndicatorFrequency.Month))
        {
            problems.Add(new("prefix", CbpImportProblems.OtherKind.With(other.Code, other.Derivation ?? other.Frequency.ToString().ToLowerInvariant())));
        }

        if (problems.Count > 0)
        {
            return new CbpImportResult(table, problems, [], false);
        }

        var layout = table.Layout!.Value;
        var imports = new List<CbpSeriesImport>();
        if (request.DryRun)
        {
            foreach (var (series, code) in plan)
            {
                var known = existing.GetValueOrDefault(code);
                var values = known is null ? [] : await db.Set<IndicatorValue>().IgnoreQueryFilters().Where(v => v.ParentId == known.Id)
                    .ToDictionaryAsync(v => v.Period, v => v.Value, cancellationToken);
                var points = table.Series[series];
                var unchanged = points.Count(p => values.TryGetValue(p.Date, out var v) && v.Equals(p.Value));
                var revised = points.Count(p => values.ContainsKey(p.Date)) - unchanged;
                imports.Add(new CbpSeriesImport(series, code, known?.NameEn ?? CbpIndicators.Names(request.Component, request.By, request.Region, series).En,
                    known is null, points.Count - unchanged - revised, revised, unchanged));
            }

            return new CbpImportResult(table, [], imports, false);
        }

        // One transaction for every series; the audit writer joins it. Observers are told only once it is committed.
        var intake = new IndicatorIntake(db, time, []);
        var changed = new List<Guid>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var (series, code) in plan)
            {
                var indicator = existing.GetValueOrDefault(code);
                var created = indicator is null;
                if (indicator is null)
                {
                    indicator = Create(code, layout, request, series);
                    db.Add(indicator);
                }

                var values = table.Series[series].Select(p => (p.Date, p.Value)).ToList();
                var result = await intake.RecordAsync(indicator, values, cancellationToken);
                if (result.Changed)
                {
                    changed.Add(indicator.Id);
                }

                imports.Add(new CbpSeriesImport(series, code, indicator.NameEn, created, result.Added, result.Revised, result.Unchanged));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var id in changed)
        {
            foreach (var observer in observers)
            {
                await observer.ValuesChangedAsync(id, cancellationToken);
            }
        }

        return new CbpImportResult(table, [], imports, imports.Any(i => i.Created || i.Added + i.Revised > 0));
    }

    /// <summary>The series of the file to import, in the file's spelling (problems under <c>series</c>).</summary>
    private static List<string> Select(CbpEncounterTable table, CbpImportRequest request, List<FieldProblem> problems)
    {
        var named = (request.Series ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var kind = request.By.ToString().ToLowerInvariant();
        if (named.Count > 0 && request.All)
        {
            problems.Add(new("series", CbpImportProblems.SeriesAndAll.With()));
            return [];
        }

        if (request.All)
        {
            return [.. table.Series.Keys];
        }

        if (named.Count == 0)
        {
            if (request.By != CbpBreakdown.Region)
            {
                problems.Add(new("series", CbpImportProblems.SeriesRequired.With(table.Series.Count, kind)));
                return [];
            }

            named = [string.IsNullOrWhiteSpace(request.Region) ? CbpEncounters.SouthwestLandBorder : request.Region.Trim()];
        }

        if (named.Count > CbpEncounters.MaxSeries)
        {
            problems.Add(new("series", CbpImportProblems.TooManySeries.With(named.Count, CbpEncounters.MaxSeries)));
            return [];
        }

        var selected = new List<string>();
        foreach (var name in named)
        {
            // The file's own spelling: the series' keys compare case-insensitively.
            var key = table.Series.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                var names = string.Join(", ", table.Series.Keys.Take(ListedNames)) + (table.Series.Count > ListedNames ? $", … ({table.Series.Count})" : "");
                problems.Add(new("series", CbpImportProblems.UnknownSeries.With(kind, ImportFile.Echo(name), names.Length > 0 ? names : "—")));
            }
            else
            {
                selected.Add(key);
            }
        }

        return selected;
    }

    private static Indicator Create(string code, CbpLayout layout, CbpImportRequest request, string series)
    {
        var (nameEn, nameEs) = CbpIndicators.Names(request.Component, request.By, request.Region, series);
        var (descriptionEn, descriptionEs) = CbpIndicators.Descriptions(request.By);
        var (sourceEn, sourceEs, url) = CbpIndicators.Source(layout);
        return new Indicator
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            NameEn = nameEn,
            NameEs = nameEs,
            DescriptionEn = descriptionEn,
            DescriptionEs = descriptionEs,
            Unit = CbpIndicators.Unit,
            Frequency = IndicatorFrequency.Month,
            Concern = Concern.Up,
            IssueCode = CbpIndicators.IssueCode,
            SourceEn = sourceEn,
            SourceEs = sourceEs,
            SourceUrl = url,
            Confidentiality = Confidentiality.Shared,
            OwnerSide = Side.Joint,
        };
    }
}
