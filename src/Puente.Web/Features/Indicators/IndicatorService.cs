using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Audit;
using Puente.Core.Catalog;
using Puente.Core.Memory;
using Puente.Core.Text;
using Puente.Core.Warning;
using Puente.Data.Warning;

namespace Puente.Web.Features.Indicators;

/// <summary>
/// Indicators for the pages and the API: their own fields (unit, frequency, concern, source, owner post, agenda issue,
/// detector settings), their values (read newest or oldest first; written only through <see cref="IndicatorIntake"/>,
/// all of a request or none), all through the access filter. A derived indicator (<see cref="Indicator.Derivation"/>)
/// takes no values from people and keeps its computation's frequency; the derivation itself is never entered.
/// </summary>
public sealed class IndicatorService(PuenteDbContext db, IStringLocalizer<SharedResource> t, IndicatorIntake intake)
    : RecordService<Indicator, IndicatorInput>(db, t)
{
    /// <summary>The most values one request may carry (as many as an indicator holds).</summary>
    public const int MaxValuesPerRequest = Indicator.MaxValues;

    /// <summary>The most problems an answer lists; the rest are counted.</summary>
    public const int MaxListedProblems = 100;

    /// <summary>The most entries an indicator's history lists.</summary>
    public const int MaxHistory = 500;

    protected override IQueryable<Indicator> Query => Db.Set<Indicator>().Include(i => i.OwnerPost);

    protected override async Task<Action<Indicator>> ValidateAsync(IndicatorInput input, Indicator? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        var unit = RecordAccess.Text(input.Unit, "unit", Indicator.UnitMaxLength, errors, Text);
        if (unit.Length == 0 && !errors.Has("unit"))
        {
            errors.Add("unit", Text["Give the unit of the values (e.g. encounters, USD million, %)."]);
        }

        var frequency = await FrequencyAsync(input.Frequency, existing, errors, cancellationToken);
        var concern = existing?.Concern ?? Concern.Up;
        if (!string.IsNullOrWhiteSpace(input.Concern) && !EnumText.TryParse(input.Concern, out concern))
        {
            errors.Add("concern", Text["Unknown concern '{0}'. Use Up, Down or Both.", input.Concern]);
        }
        else if (string.IsNullOrWhiteSpace(input.Concern) && existing is null)
        {
            errors.Add("concern", Text["Say which movement is a concern: Up, Down or Both."]);
        }

        var sourceEn = RecordAccess.Text(input.SourceEn, "sourceEn", Indicator.SourceMaxLength, errors, Text);
        var sourceEs = RecordAccess.Text(input.SourceEs, "sourceEs", Indicator.SourceMaxLength, errors, Text);
        var sourceUrl = input.SourceUrl?.Trim() ?? "";
        if (sourceUrl.Length > Indicator.UrlMaxLength)
        {
            errors.Add("sourceUrl", Text["At most {0} characters.", Indicator.UrlMaxLength]);
        }
        else if (sourceUrl.Length > 0 && !WebAddress.IsValid(sourceUrl))
        {
            errors.Add("sourceUrl", Text["Give a web address that starts with http:// or https://."]);
        }

        var (owner, ownerId) = await OwnerAsync(input.OwnerPost, existing, errors, cancellationToken);
        var issue = await IssueAsync(input.Issue, existing, errors, cancellationToken);
        var detectors = input.Detectors?.Trim() ?? "";
        foreach (var problem in DetectorProblems(detectors))
        {
            errors.Add("detectors", problem);
        }

        return indicator =>
        {
            indicator.Unit = unit;
            indicator.Frequency = frequency;
            indicator.Concern = concern;
            indicator.SourceEn = sourceEn;
            indicator.SourceEs = sourceEs;
            indicator.SourceUrl = sourceUrl.Length == 0 ? null : sourceUrl;
            // A hidden owner (kept: the editor cannot read it) has no navigation loaded; only its id is kept.
            indicator.OwnerPost = owner;
            indicator.OwnerPostId = ownerId;
            indicator.IssueCode = issue;
            indicator.Detectors = detectors;
        };
    }

    /// <summary>
    /// The problems of an indicator's detector settings (field <c>detectors</c>; empty means the defaults): its length,
    /// plain text, then each detector and parameter as <see cref="DetectorSettings.TryParse"/> reads them.
    /// </summary>
    private List<string> DetectorProblems(string detectors)
    {
        var errors = new FieldErrors();
        RecordAccess.Text(detectors, "detectors", Indicator.DetectorsMaxLength, errors, Text);
        var problems = errors.ToDictionary().GetValueOrDefault("detectors") ?? [];
        if (problems.Length == 0 && !DetectorSettings.TryParse(detectors, out _, out var settingProblems))
        {
            return [.. settingProblems.Select(p => Text.Localize(p))];
        }

        return [.. problems];
    }

    /// <summary>
    /// The frequency: required for a new indicator; omitted on an edit, it stays. It cannot change on a derived indicator
    /// (its computation decides) nor once the indicator has values (their periods would not be periods of another).
    /// </summary>
    private async Task<IndicatorFrequency> FrequencyAsync(string? text, Indicator? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (existing is null)
            {
                errors.Add("frequency", Text["Give the frequency: Day, Week, Month, Quarter or Year."]);
            }

            return existing?.Frequency ?? IndicatorFrequency.Month;
        }

        if (!EnumText.TryParse<IndicatorFrequency>(text, out var frequency))
        {
            errors.Add("frequency", Text["Unknown frequency '{0}'. Use Day, Week, Month, Quarter or Year.", text]);
            return existing?.Frequency ?? IndicatorFrequency.Month;
        }

        if (existing is not null && frequency != existing.Frequency)
        {
            if (existing.Derivation is not null)
            {
                errors.Add("frequency", Text["A derived indicator's frequency is its computation's; it cannot be changed."]);
            }
            else if (await Db.Set<IndicatorValue>().AnyAsync(v => v.ParentId == existing.Id, cancellationToken))
            {
                errors.Add("frequency", Text["The frequency cannot change once the indicator has values: their periods would not be periods of the new frequency."]);
            }
        }

        return frequency;
    }

    /// <summary>The owner post by code (readable by the editor); none when empty, except a current owner the editor
    /// cannot read, which was not on their form and stays.</summary>
    private async Task<(Post? Post, Guid? Id)> OwnerAsync(string? code, Indicator? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return existing?.OwnerPostId is { } id && !await Db.Set<Post>().AnyAsync(p => p.Id == id, cancellationToken) ? (null, id) : (null, null);
        }

        var post = await RecordLookup.FindAsync(Db.Set<Post>(), code.Trim(), cancellationToken);
        if (post is null)
        {
            errors.Add("ownerPost", Text["Unknown post '{0}'.", code]);
        }

        return (post, post?.Id);
    }

    /// <summary>The agenda issue's code (readable by the editor); none when empty, except a current issue the editor cannot read.</summary>
    private async Task<string?> IssueAsync(string? code, Indicator? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return existing?.IssueCode is { } current && !await Db.AgendaIssues.AnyAsync(i => i.Code == current, cancellationToken) ? current : null;
        }

        var issue = CatalogCode.Normalize(code);
        if (!CatalogCode.IsValid(issue) || !await Db.AgendaIssues.AnyAsync(i => i.Code == issue, cancellationToken))
        {
            errors.Add("issue", Text["Unknown agenda issue '{0}'.", code]);
        }

        return issue;
    }

    /// <summary>
    /// The indicator's parts (its values, its alerts) take its access in the same save; its owner post and agenda issue
    /// must be readable by every reader of the indicator, or a reader would meet a name hidden from them.
    /// </summary>
    protected override async Task BeforeSaveAsync(Indicator record, FieldErrors errors, CancellationToken cancellationToken)
    {
        var entry = Db.Entry(record);
        if (entry.State != EntityState.Added
            && (!Equals(entry.Property(r => r.Confidentiality).OriginalValue, record.Confidentiality) || !Equals(entry.Property(r => r.OwnerSide).OriginalValue, record.OwnerSide)))
        {
            foreach (var value in await Db.Set<IndicatorValue>().IgnoreQueryFilters().Where(v => v.ParentId == record.Id).ToListAsync(cancellationToken))
            {
                value.FollowAccessOf(record);
            }

            foreach (var alert in await Db.Set<Alert>().IgnoreQueryFilters().Where(a => a.ParentId == record.Id).ToListAsync(cancellationToken))
            {
                alert.FollowAccessOf(record);
            }
        }

        if (record.OwnerPostId is { } owner)
        {
            var post = await Db.Set<Post>().IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == owner)
                .Select(p => new { p.Confidentiality, p.OwnerSide }).FirstAsync(cancellationToken);
            if (!Readership.ReadableByAllReadersOf(post.Confidentiality, post.OwnerSide, record.Confidentiality, record.OwnerSide))
            {
                errors.Add("ownerPost", Text["Someone who can read this indicator could not read its owner post. Make the indicator as private as the post, or name another."]);
            }
        }

        if (record.IssueCode is { } code)
        {
            var issue = await Db.AgendaIssues.IgnoreQueryFilters().AsNoTracking().Where(i => i.Code == code)
                .Select(i => new { i.Confidentiality, i.OwnerSide }).FirstOrDefaultAsync(cancellationToken);
            if (issue is not null && !Readership.ReadableByAllReadersOf(issue.Confidentiality, issue.OwnerSide, record.Confidentiality, record.OwnerSide))
            {
                errors.Add("issue", Text["Someone who can read this indicator could not read its agenda issue. Make the indicator as private as the issue, or name another."]);
            }
        }
    }

    /// <summary>
    /// The indicator's history, newest first: its own changes and its values' revisions, at most <see cref="MaxHistory"/>
    /// entries. The first recording of each value is left out: the values themselves show it (with its date), and an
    /// indicator of 10,000 values would otherwise have a history of 10,000 entries. The full trail is in the audit log.
    /// </summary>
    public Task<List<HistoryDto>> HistoryAsync(Indicator indicator, CancellationToken cancellationToken) =>
        Db.AuditEntries.AsNoTracking()
            .Where(a => a.RecordId == indicator.Id && !(a.EntityType == nameof(IndicatorValue) && a.Action == AuditAction.Created))
            .OrderByDescending(a => a.Id).Take(MaxHistory)
            .Select(a => new HistoryDto(a.Id, a.Timestamp, a.Actor, a.Action.ToString(), a.EntityType, a.RecordLabel, a.Before, a.After))
            .ToListAsync(cancellationToken);

    /// <summary>The value of each indicator's latest period, by indicator id (indicators without values are absent).</summary>
    public async Task<Dictionary<Guid, double>> LatestValuesAsync(IReadOnlyCollection<Indicator> indicators, CancellationToken cancellationToken)
    {
        var ids = indicators.Where(i => i.LatestPeriod is not null).Select(i => i.Id).ToList();
        return ids.Count == 0
            ? []
            : await Db.Set<IndicatorValue>().AsNoTracking().Where(v => ids.Contains(v.ParentId) && v.Period == v.Indicator!.LatestPeriod)
                .ToDictionaryAsync(v => v.ParentId, v => v.Value, cancellationToken);
    }

    /// <summary>The last <paramref name="count"/> values of each indicator, oldest first, by indicator id (a list's trend).</summary>
    public async Task<Dictionary<Guid, List<IndicatorValue>>> RecentValuesAsync(IReadOnlyCollection<Indicator> indicators, int count, CancellationToken cancellationToken)
    {
        var recent = new Dictionary<Guid, List<IndicatorValue>>();
        // One indexed read per indicator of the page (ParentId, Period): a page holds at most 50.
        foreach (var indicator in indicators.Where(i => i.LatestPeriod is not null))
        {
            var values = await Db.Set<IndicatorValue>().AsNoTracking().Where(v => v.ParentId == indicator.Id)
                .OrderByDescending(v => v.Period).Take(count).ToListAsync(cancellationToken);
            values.Reverse();
            recent[indicator.Id] = values;
        }

        return recent;
    }

    /// <summary>The indicator's values with periods from <paramref name="from"/> to <paramref name="to"/> (inclusive, either open), oldest first.</summary>
    public Task<List<IndicatorValue>> ValuesAsync(Indicator indicator, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var values = Db.Set<IndicatorValue>().AsNoTracking().Where(v => v.ParentId == indicator.Id);
        if (from is { } start)
        {
            values = values.Where(v => v.Period >= start);
        }

        if (to is { } end)
        {
            values = values.Where(v => v.Period <= end);
        }

        return values.OrderBy(v => v.Period).Take(Indicator.MaxValues).ToListAsync(cancellationToken);
    }

    /// <summary>One page of the indicator's values, newest first, and how many it has.</summary>
    public async Task<(List<IndicatorValue> Items, int Total)> ValuesPageAsync(Indicator indicator, int page, int pageSize, CancellationToken cancellationToken)
    {
        var values = Db.Set<IndicatorValue>().AsNoTracking().Where(v => v.ParentId == indicator.Id);
        var total = await values.CountAsync(cancellationToken);
        var items = await values.OrderByDescending(v => v.Period).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>
    /// Records the values of a request into a tracked, imported (not derived) indicator: every item checked (period for
    /// the indicator's frequency, a recordable number, no period twice), at most <see cref="MaxValuesPerRequest"/> items
    /// and <see cref="Indicator.MaxValues"/> values in all; then all of them in one save, or none. Problems are keyed by
    /// the item's index (from 0; −1 for the request as a whole).
    /// </summary>
    public async Task<(IntakeResult? Result, RowProblems Problems)> RecordValuesAsync(Indicator indicator, IndicatorValuesInput input, CancellationToken cancellationToken)
    {
        if (indicator.Derivation is not null)
        {
            throw new InvalidOperationException($"{indicator.Code} is derived: only its computation writes its values.");
        }

        var problems = new RowProblems(MaxListedProblems);
        if (input.Values is not { } items)
        {
            problems.Add(-1, "values", IndicatorProblems.Required.With());
            return (null, problems);
        }

        if (items.Count > MaxValuesPerRequest)
        {
            problems.Add(-1, "values", IndicatorProblems.TooManyItems.With(MaxValuesPerRequest, items.Count));
            return (null, problems);
        }

        var set = new IndicatorValueSet(indicator.Frequency, problems, IndicatorProblems.SamePeriodAsItem);
        for (var i = 0; i < items.Count; i++)
        {
            set.Add(i, items[i]?.Period, items[i]?.Value);
        }

        if (problems.Any)
        {
            return (null, problems);
        }

        var values = set.Values;
        var count = await IndicatorCapacity.ValuesAfterAsync(Db, indicator.Id, values.Select(v => v.Period), cancellationToken);
        if (count > Indicator.MaxValues)
        {
            problems.Add(-1, "values", IndicatorProblems.TooManyValues.With(count, Indicator.MaxValues));
            return (null, problems);
        }

        return (await intake.RecordAsync(indicator, values, cancellationToken), problems);
    }
}
