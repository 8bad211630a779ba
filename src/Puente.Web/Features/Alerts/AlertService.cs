using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Localization;
using Puente.Core.Memory;
using Puente.Core.Text;
using Puente.Core.Warning;
using Puente.Data.Warning;

namespace Puente.Web.Features.Alerts;

/// <summary>
/// Alerts as their readers see them (every query goes through the context's access filter: an alert is read exactly by
/// who reads its indicator), their explanation and chart, and the lifecycle steps Editors take
/// (docs/decisions/0037-alerts.md).
/// </summary>
public sealed class AlertService(PuenteDbContext db, AlertAnnouncer announcer, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    /// <summary>How many of the indicator's values the chart shows.</summary>
    public const int ChartValues = 36;

    /// <summary>The alerts an indicator's page lists.</summary>
    public const int IndicatorListSize = 20;

    /// <summary>A filter read and checked: null members do not narrow.</summary>
    public sealed record Query(AlertStatus[]? Statuses, Severity? Severity, string? Issue, Guid? IndicatorId, bool MatchesNothing);

    private static readonly string[] StatusWords = [.. Enum.GetNames<AlertStatus>(), "current", "closed"];

    /// <summary>Reads the filter; errors name the field (an unknown status or severity, a malformed code).</summary>
    public async Task<(Query Query, FieldErrors Errors)> ParseAsync(AlertFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var errors = new FieldErrors();
        AlertStatus[]? statuses = null;
        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            var word = filter.Status.Trim();
            if (string.Equals(word, "current", StringComparison.OrdinalIgnoreCase))
            {
                statuses = [AlertStatus.Open, AlertStatus.Acknowledged];
            }
            else if (string.Equals(word, "closed", StringComparison.OrdinalIgnoreCase))
            {
                statuses = [AlertStatus.Resolved, AlertStatus.Dismissed];
            }
            else if (EnumText.TryParse<AlertStatus>(word, out var status))
            {
                statuses = [status];
            }
            else
            {
                errors.Add("status", t["Unknown status '{0}'. Use one of {1}.", Bounded(filter.Status), string.Join(", ", StatusWords)]);
            }
        }

        Severity? severity = null;
        if (!string.IsNullOrWhiteSpace(filter.Severity))
        {
            if (EnumText.TryParse<Severity>(filter.Severity, out var s))
            {
                severity = s;
            }
            else
            {
                errors.Add("severity", t["Unknown severity '{0}'. Use one of {1}.", Bounded(filter.Severity), string.Join(", ", Enum.GetNames<Severity>())]);
            }
        }

        string? issue = null;
        var nothing = false;
        if (!string.IsNullOrWhiteSpace(filter.Issue))
        {
            issue = CatalogCode.Normalize(filter.Issue);
            if (!CatalogCode.IsValid(issue))
            {
                errors.Add("issue", t["'{0}' is not a code (1–40 upper-case letters, digits, '-' or '.').", Bounded(filter.Issue)]);
            }
            else
            {
                // An issue the reader may not read matches nothing: its code is not a way to learn which alerts carry it.
                nothing = !await db.AgendaIssues.AsNoTracking().AnyAsync(i => i.Code == issue, ct);
            }
        }

        Guid? indicatorId = null;
        if (!string.IsNullOrWhiteSpace(filter.Indicator))
        {
            var text = filter.Indicator.Trim();
            var code = CatalogCode.Normalize(text);
            if (!Guid.TryParse(text, out _) && !CatalogCode.IsValid(code))
            {
                errors.Add("indicator", t["'{0}' is not a code (1–40 upper-case letters, digits, '-' or '.').", Bounded(filter.Indicator)]);
            }
            else
            {
                // An indicator the reader may not read matches nothing, as one that does not exist.
                indicatorId = await IndicatorIdAsync(text, ct);
                nothing |= indicatorId is null;
            }
        }

        return (new Query(statuses, severity, issue, indicatorId, nothing), errors);
    }

    /// <summary>A page of the readable alerts that match: newest first, or (the page's order) the most severe first, then
    /// the newest.</summary>
    public async Task<(IReadOnlyList<AlertDto> Items, int Total)> ListAsync(Query query, int page, int pageSize, bool bySeverity, CultureInfo culture,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.MatchesNothing)
        {
            return ([], 0);
        }

        var alerts = Narrow(db.Set<Alert>().AsNoTracking(), query);
        var total = await alerts.CountAsync(ct);
        var ordered = bySeverity
            ? alerts.OrderByDescending(a => a.Severity == Severity.High ? 2 : a.Severity == Severity.Medium ? 1 : 0).ThenByDescending(a => a.OpenedAt).ThenBy(a => a.Code)
            : alerts.OrderByDescending(a => a.OpenedAt).ThenBy(a => a.Code);
        var rows = await Rows(ordered.Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        var issues = await ReadableIssuesAsync(rows.Select(r => r.IssueCode), ct);
        return ([.. rows.Select(r => ToDto(r, issues, culture))], total);
    }

    /// <summary>The newest alerts of one indicator (its page's panel), open ones first.</summary>
    public async Task<IReadOnlyList<AlertDto>> ForIndicatorAsync(Guid indicatorId, CultureInfo culture, CancellationToken ct)
    {
        var rows = await Rows(db.Set<Alert>().AsNoTracking().Where(a => a.ParentId == indicatorId)
                .OrderBy(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged ? 0 : 1)
                .ThenByDescending(a => a.LastPeriod).ThenBy(a => a.Code)
                .Take(IndicatorListSize))
            .ToListAsync(ct);
        var issues = await ReadableIssuesAsync(rows.Select(r => r.IssueCode), ct);
        return [.. rows.Select(r => ToDto(r, issues, culture))];
    }

    /// <summary>A readable alert by id or code, with its indicator; null when there is none or the reader may not read it.</summary>
    public async Task<Alert?> FindAsync(string id, bool track, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return null;
        }

        IQueryable<Alert> alerts = db.Set<Alert>().Include(a => a.Indicator);
        if (!track)
        {
            alerts = alerts.AsNoTracking();
        }

        if (Guid.TryParse(id, out var guid))
        {
            return await alerts.FirstOrDefaultAsync(a => a.Id == guid, ct);
        }

        var code = CatalogCode.Normalize(id);
        return await alerts.FirstOrDefaultAsync(a => a.Code == code, ct);
    }

    /// <summary>Everything the alert's page and API answer show, through the reader's access (the playbook, its mechanism
    /// and owner post, and the issue's name only when readable).</summary>
    public async Task<AlertDetailDto> DetailAsync(Alert alert, CultureInfo culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var indicator = alert.Indicator ?? await db.Set<Indicator>().AsNoTracking().FirstAsync(i => i.Id == alert.ParentId, ct);
        var facts = AlertFacts.Of(alert, indicator);
        var spanish = Bilingual.IsSpanish(culture);
        var (en, es) = (AlertExplanation.Text(facts, spanish: false), AlertExplanation.Text(facts, spanish: true));
        var issueName = alert.IssueCode is { } issue
            ? await db.AgendaIssues.AsNoTracking().Where(i => i.Code == issue).Select(i => new { i.NameEn, i.NameEs }).FirstOrDefaultAsync(ct)
            : null;
        var basic = ToDto(RowOf(alert, indicator), issueName is null ? [] : [alert.IssueCode!], culture);
        return new AlertDetailDto
        {
            Id = basic.Id, Code = basic.Code, Indicator = basic.Indicator, Detector = basic.Detector, DetectorName = basic.DetectorName,
            Severity = basic.Severity, Status = basic.Status, Active = basic.Active, FirstPeriod = basic.FirstPeriod, LastPeriod = basic.LastPeriod,
            Period = basic.Period, Value = basic.Value, Baseline = basic.Baseline, Statistic = basic.Statistic, Threshold = basic.Threshold,
            Summary = basic.Summary, Issue = basic.Issue, OpenedAt = basic.OpenedAt, Confidentiality = basic.Confidentiality, OwnerSide = basic.OwnerSide,
            Version = basic.Version,
            Settings = alert.Settings,
            Points = [.. facts.Points.Select(p => new AlertPointDto(p.Period, p.Value, p.Baseline, p.Statistic, p.Severity.ToString()))],
            Explanation = spanish ? es : en,
            ExplanationEn = en,
            ExplanationEs = es,
            IssueName = issueName is null ? null : Bilingual.Pick(issueName.NameEn, issueName.NameEs, culture),
            Playbook = alert.PlaybookId is { } playbook ? await PlaybookAsync(playbook, culture, ct) : null,
            AcknowledgedAt = alert.AcknowledgedAt,
            AcknowledgedBy = alert.AcknowledgedBy,
            ClosedAt = alert.ClosedAt,
            ClosedBy = alert.ClosedBy,
            Reason = alert.Reason,
            History = History(alert),
        };
    }

    /// <summary>The chart of the alert's page: up to <see cref="ChartValues"/> of the indicator's values around the alert
    /// (ending six periods after its latest, when there are such), its points marked, and the level when it is a
    /// threshold's.</summary>
    public async Task<SeriesChart> ChartAsync(Alert alert, string label, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var after = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.ParentId == alert.ParentId && v.Period > alert.LastPeriod)
            .OrderBy(v => v.Period).Take(6).Select(v => new { v.Period, v.Value }).ToListAsync(ct);
        var before = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.ParentId == alert.ParentId && v.Period <= alert.LastPeriod)
            .OrderByDescending(v => v.Period).Take(ChartValues - after.Count).Select(v => new { v.Period, v.Value }).ToListAsync(ct);
        var points = before.AsEnumerable().Reverse().Concat(after).Select(v => new SeriesChart.Point(v.Period, v.Value)).ToList();
        return new SeriesChart("alert-chart", label, points)
        {
            Marked = AlertPoint.Read(alert.Points).Select(p => p.Period).ToHashSet(),
            Threshold = alert.Detector == "threshold" ? alert.Threshold : null,
        };
    }

    /// <summary>
    /// Takes a lifecycle step as the reader (an Editor): Open → Acknowledged; Open or Acknowledged → Resolved or
    /// Dismissed (a reason required). A closed alert frees its indicator and detector for a later episode's alert. The
    /// change is audited by the save; a concurrent change (or a <see cref="AlertStepInput.Version"/> that is not the
    /// alert's) fails the save with a concurrency conflict (409).
    /// </summary>
    public async Task<AlertStepOutcome> StepAsync(Alert alert, AlertStep step, AlertStepInput? input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var errors = new FieldErrors();
        var reason = string.IsNullOrWhiteSpace(input?.Reason) ? null : input.Reason.Trim();
        if (step == AlertStep.Dismiss && reason is null)
        {
            errors.Add("reason", t["A reason is required to dismiss an alert (why it is a false alarm)."]);
        }
        else if (reason is { Length: > Alert.ReasonMaxLength })
        {
            errors.Add("reason", t["At most {0} characters.", Alert.ReasonMaxLength]);
        }

        if (errors.Any)
        {
            return new AlertStepOutcome(errors, null);
        }

        var status = t["AlertStatus." + alert.Status].Value.ToLower(CultureInfo.CurrentCulture);
        string? conflict = (step, alert.Status) switch
        {
            (AlertStep.Acknowledge, not AlertStatus.Open) => t["Only an open alert can be acknowledged; this one is {0}.", status].Value,
            (_, AlertStatus.Resolved or AlertStatus.Dismissed) => t["This alert is already {0}; a closed alert does not change.", status].Value,
            _ => null,
        };
        if (conflict is not null)
        {
            return new AlertStepOutcome(errors, conflict);
        }

        if (input?.Version is { } version)
        {
            db.Entry(alert).Property(a => a.Version).OriginalValue = version;
        }

        var now = time.GetUtcNow();
        var by = db.Viewer.UserName;
        string occasion;
        if (step == AlertStep.Acknowledge)
        {
            alert.Status = AlertStatus.Acknowledged;
            alert.AcknowledgedAt = now;
            alert.AcknowledgedBy = by;
            occasion = AlertOccasions.Acknowledged;
        }
        else
        {
            alert.Status = step == AlertStep.Resolve ? AlertStatus.Resolved : AlertStatus.Dismissed;
            alert.ClosedAt = now;
            alert.ClosedBy = by;
            alert.Reason = reason;
            alert.OpenKey = null;
            occasion = step == AlertStep.Resolve ? AlertOccasions.Resolved : AlertOccasions.Dismissed;
        }

        await announcer.AnnounceAsync(db, alert, occasion, ct);
        await db.SaveChangesAsync(ct);
        return new AlertStepOutcome(errors, null);
    }

    /// <summary>The lifecycle from the alert's columns, oldest first.</summary>
    public static IReadOnlyList<AlertStepDto> History(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var steps = new List<AlertStepDto> { new("opened", alert.OpenedAt, null, null) };
        if (alert.AcknowledgedAt is { } acknowledged)
        {
            steps.Add(new AlertStepDto("acknowledged", acknowledged, alert.AcknowledgedBy, null));
        }

        if (alert.ClosedAt is { } closed)
        {
            steps.Add(new AlertStepDto(alert.Status == AlertStatus.Dismissed ? "dismissed" : "resolved", closed, alert.ClosedBy, alert.Reason));
        }

        return steps;
    }

    private async Task<Guid?> IndicatorIdAsync(string text, CancellationToken ct)
    {
        if (Guid.TryParse(text, out var id))
        {
            return await db.Set<Indicator>().AsNoTracking().Where(i => i.Id == id).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        }

        var code = CatalogCode.Normalize(text);
        return await db.Set<Indicator>().AsNoTracking().Where(i => i.Code == code).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<PlaybookSummaryDto?> PlaybookAsync(Guid id, CultureInfo culture, CancellationToken ct)
    {
        // Each read goes through the reader's access: an unreadable playbook is none; an unreadable owner post or
        // mechanism is left out.
        var p = await db.Set<Playbook>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return null;
        }

        var owner = await db.Set<Post>().AsNoTracking().Where(x => x.Id == p.OwnerPostId).Select(x => new { x.Code, x.NameEn, x.NameEs }).FirstOrDefaultAsync(ct);
        var mechanism = p.MechanismId is { } m
            ? await db.Mechanisms.AsNoTracking().Where(x => x.Id == m).Select(x => new { x.Code, x.NameEn, x.NameEs }).FirstOrDefaultAsync(ct)
            : null;
        var steps = Bilingual.Pick(p.StepsEn, p.StepsEs, culture).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new PlaybookSummaryDto(p.Id, p.Code, Bilingual.Pick(p.NameEn, p.NameEs, culture), Bilingual.Pick(p.DescriptionEn, p.DescriptionEs, culture),
            Bilingual.Pick(p.ChannelEn, p.ChannelEs, culture), mechanism?.Code, mechanism is null ? null : Bilingual.Pick(mechanism.NameEn, mechanism.NameEs, culture),
            owner?.Code, owner is null ? null : Bilingual.Pick(owner.NameEn, owner.NameEs, culture), steps);
    }

    private static IQueryable<Alert> Narrow(IQueryable<Alert> alerts, Query q)
    {
        if (q.Statuses is [var one])
        {
            alerts = alerts.Where(a => a.Status == one);
        }
        else if (q.Statuses is [var first, var second])
        {
            alerts = alerts.Where(a => a.Status == first || a.Status == second);
        }

        if (q.Severity is { } severity)
        {
            alerts = alerts.Where(a => a.Severity == severity);
        }

        if (q.Issue is { } issue)
        {
            alerts = alerts.Where(a => a.IssueCode == issue);
        }

        if (q.IndicatorId is { } indicator)
        {
            alerts = alerts.Where(a => a.ParentId == indicator);
        }

        return alerts;
    }

    /// <summary>What a list shows of an alert and its indicator (not its points).</summary>
    private sealed record Row(Guid Id, string Code, Guid IndicatorId, string IndicatorCode, string NameEn, string NameEs, string Unit, IndicatorFrequency Frequency,
        string SourceEn, string SourceEs, string Detector, string Settings, Severity Severity, AlertStatus Status, bool Active, DateOnly FirstPeriod,
        DateOnly LastPeriod, double Value, double Baseline, double Statistic, double Threshold, string? IssueCode, DateTimeOffset OpenedAt,
        Core.Access.Confidentiality Confidentiality, Core.Access.Side OwnerSide, int Version);

    private static IQueryable<Row> Rows(IQueryable<Alert> alerts) => alerts.Select(a => new Row(a.Id, a.Code, a.ParentId, a.Indicator!.Code, a.Indicator.NameEn,
        a.Indicator.NameEs, a.Indicator.Unit, a.Indicator.Frequency, a.Indicator.SourceEn, a.Indicator.SourceEs, a.Detector, a.Settings, a.Severity, a.Status,
        a.Active, a.FirstPeriod, a.LastPeriod, a.Value, a.Baseline, a.Statistic, a.Threshold, a.IssueCode, a.OpenedAt, a.Confidentiality, a.OwnerSide, a.Version));

    private static Row RowOf(Alert a, Indicator i) => new(a.Id, a.Code, a.ParentId, i.Code, i.NameEn, i.NameEs, i.Unit, i.Frequency, i.SourceEn, i.SourceEs,
        a.Detector, a.Settings, a.Severity, a.Status, a.Active, a.FirstPeriod, a.LastPeriod, a.Value, a.Baseline, a.Statistic, a.Threshold, a.IssueCode,
        a.OpenedAt, a.Confidentiality, a.OwnerSide, a.Version);

    /// <summary>Which of these agenda issue codes the reader may read (an alert names only those).</summary>
    private async Task<IReadOnlySet<string>> ReadableIssuesAsync(IEnumerable<string?> codes, CancellationToken ct)
    {
        var list = codes.OfType<string>().Distinct().ToList();
        return list.Count == 0 ? new HashSet<string>() : (await db.AgendaIssues.AsNoTracking().Where(i => list.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct)).ToHashSet();
    }

    private static AlertDto ToDto(Row r, IReadOnlyCollection<string> readableIssues, CultureInfo culture)
    {
        var spanish = Bilingual.IsSpanish(culture);
        var facts = new AlertFacts(r.NameEn, r.NameEs, r.Unit, r.SourceEn, r.SourceEs, r.Frequency, r.Detector, r.Settings, r.FirstPeriod, r.LastPeriod,
            r.Value, r.Baseline, r.Statistic, r.Threshold, r.Severity, []);
        return new AlertDto
        {
            Id = r.Id,
            Code = r.Code,
            Indicator = new AlertIndicatorDto(r.IndicatorId, r.IndicatorCode, Bilingual.Pick(r.NameEn, r.NameEs, culture), r.Unit, r.Frequency.ToString()),
            Detector = r.Detector,
            DetectorName = AlertExplanation.DetectorName(r.Detector, spanish),
            Severity = r.Severity.ToString(),
            Status = r.Status.ToString(),
            Active = r.Active,
            FirstPeriod = r.FirstPeriod,
            LastPeriod = r.LastPeriod,
            Period = IndicatorPeriods.Format(r.Frequency, r.LastPeriod),
            Value = r.Value,
            Baseline = r.Baseline,
            Statistic = r.Statistic,
            Threshold = r.Threshold,
            Summary = AlertExplanation.Summary(facts, spanish),
            Issue = r.IssueCode is { } code && readableIssues.Contains(code) ? code : null,
            OpenedAt = r.OpenedAt,
            Confidentiality = r.Confidentiality.ToString(),
            OwnerSide = r.OwnerSide.ToString(),
            Version = r.Version,
        };
    }

    private static string Bounded(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
