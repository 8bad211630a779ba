using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Localization;
using Puente.Core.Memory;
using Puente.Core.Plans;
using Puente.Core.Records;
using Puente.Core.Text;

namespace Puente.Web.Features.Plans;

/// <summary>
/// Plans for the pages and the API: the readable plans and their recommendations, scorecards and their trends (counted
/// over what the reader may read: recommendations and status changes both pass the access filter), one recommendation
/// with its history and what advances it, and the one write: recording a status change (docs/decisions/0043).
/// </summary>
public sealed class PlanService(PuenteDbContext db, IStringLocalizer<SharedResource> t, TimeProvider time)
{
    /// <summary>The most plans a list shows.</summary>
    public const int MaxPlans = 500;

    /// <summary>The most commitments shown as advancing one recommendation.</summary>
    public const int MaxCommitments = 200;

    /// <summary>Today in UTC: the API's default day (the pages use the reader's day).</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private IQueryable<Plan> Plans => db.Set<Plan>().AsNoTracking();

    /// <summary>A readable plan by id or code; null when none or not readable.</summary>
    public Task<Plan?> FindAsync(string idOrCode, CancellationToken ct) => RecordLookup.FindAsync(Plans, idOrCode, ct);

    /// <summary>One page of the readable plans by code, with how many recommendations of each the reader may read.</summary>
    public async Task<(List<Plan> Items, int Total, Dictionary<Guid, int> Counts)> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        var total = await Plans.CountAsync(ct);
        var items = await Plans.OrderBy(p => p.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = items.Select(p => p.Id).ToList();
        var counts = await db.Recommendations.AsNoTracking().Where(r => r.PlanId != null && ids.Contains(r.PlanId.Value))
            .GroupBy(r => r.PlanId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return (items, total, counts);
    }

    /// <summary>The plan's readable recommendations in its order (section, number, code), with their current status.</summary>
    public async Task<List<PlanRecommendationDto>> RecommendationsAsync(Plan plan, CultureInfo culture, CancellationToken ct)
    {
        var rows = await db.Recommendations.AsNoTracking().Where(r => r.PlanId == plan.Id)
            .Select(r => new { r.Id, r.Code, r.Section, r.Number, r.Addressee, Track = r.Track == null ? null : r.Track.Code, r.TextEn, r.TextEs, r.Status, r.StatusDate })
            .Take(Plan.MaxRecommendations).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Section, PlanSections.Order).ThenBy(r => r.Number).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new PlanRecommendationDto(r.Id, r.Code, r.Section, r.Number, r.Addressee.ToString(), r.Track,
                Bilingual.Pick(r.TextEn, r.TextEs, culture), r.Status.ToString(), r.StatusDate))];
    }

    /// <summary>What a scorecard counts: the readable recommendations of the plan and their readable changes up to a day.</summary>
    public async Task<ScorecardInput> InputAsync(Plan plan, DateOnly upTo, CancellationToken ct)
    {
        var items = await db.Recommendations.AsNoTracking().Where(r => r.PlanId == plan.Id)
            .Select(r => new ScorecardItem(r.Id, r.Section, r.Addressee, r.Track == null ? null : r.Track.Code))
            .Take(Plan.MaxRecommendations).ToListAsync(ct);
        // Only the four columns the history needs, from the index that holds them; the recommendation join keeps to the
        // plan's readable recommendations, and the part's own filter to readable changes.
        var changes = await db.Set<RecommendationStatusChange>().AsNoTracking()
            .Where(c => c.Date <= upTo && c.Recommendation!.PlanId == plan.Id)
            .Select(c => new StatusChangeRow(c.ParentId, c.Date, c.Sequence, c.Status))
            .ToListAsync(ct);
        var tracks = await db.Tracks.AsNoTracking().OrderBy(x => x.SortOrder).Select(x => new { x.Code, x.NameEn, x.NameEs }).ToListAsync(ct);
        return new ScorecardInput(items, changes, [.. tracks.Select(x => x.Code)], tracks.ToDictionary(x => x.Code, x => (x.NameEn, x.NameEs), StringComparer.Ordinal));
    }

    /// <summary>The scorecard of a readable plan on a day.</summary>
    public async Task<(ScorecardResult Result, ScorecardInput Input)> ScorecardAsync(Plan plan, DateOnly asOf, ScorecardGrouping by, CancellationToken ct)
    {
        var input = await InputAsync(plan, asOf, ct);
        return (Scorecard.Compute(input.Items, input.Changes, asOf, by, input.TrackOrder), input);
    }

    /// <summary>The scorecard at the end of each quarter of a period.</summary>
    public async Task<(IReadOnlyList<ScorecardPoint> Points, ScorecardInput Input)> TrendAsync(Plan plan, DateOnly from, DateOnly to, ScorecardGrouping by,
        CancellationToken ct)
    {
        var input = await InputAsync(plan, to, ct);
        return (Scorecard.Trend(input.Items, input.Changes, from, to, by, input.TrackOrder), input);
    }

    /// <summary>Reads a scorecard's day and grouping; problems keyed by parameter.</summary>
    public (DateOnly AsOf, ScorecardGrouping By) ParseScorecard(string? asOf, string? by, DateOnly today, FieldErrors errors)
    {
        var day = today;
        if (!string.IsNullOrWhiteSpace(asOf) && !IsoDate.TryParse(asOf, out day))
        {
            errors.Add("asOf", t["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", asOf]);
        }

        if (!ScorecardText.TryParse(by, out var grouping))
        {
            errors.Add("by", t["Group by section, addressee or track."]);
        }

        return (day, grouping);
    }

    /// <summary>Reads a trend's period (default: the eight quarters up to today) and grouping; problems keyed by parameter.</summary>
    public (DateOnly From, DateOnly To, ScorecardGrouping By) ParseTrend(string? from, string? to, string? by, DateOnly today, FieldErrors errors)
    {
        var end = today;
        if (!string.IsNullOrWhiteSpace(to) && !IsoDate.TryParse(to, out end))
        {
            errors.Add("to", t["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", to]);
        }

        var start = DefaultFrom(end);
        if (!string.IsNullOrWhiteSpace(from) && !IsoDate.TryParse(from, out start))
        {
            errors.Add("from", t["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", from]);
        }
        else if (!errors.Any && end < start)
        {
            errors.Add("to", t["The end of the period is before its start."]);
        }
        else if (!errors.Any && Quarters.Count(start, end) > Scorecard.MaxQuarters)
        {
            errors.Add("from", t["A trend spans at most {0} quarters.", Scorecard.MaxQuarters]);
        }

        if (!ScorecardText.TryParse(by, out var grouping))
        {
            errors.Add("by", t["Group by section, addressee or track."]);
        }

        return (start, end, grouping);
    }

    /// <summary>The first day of the quarter seven quarters before <paramref name="to"/>'s: eight points.</summary>
    public static DateOnly DefaultFrom(DateOnly to)
    {
        var quarterStart = new DateOnly(to.Year, (((to.Month - 1) / 3) * 3) + 1, 1);
        return quarterStart.AddMonths(-21);
    }

    /// <summary>A readable recommendation by id or code; tracked for a status change.</summary>
    public Task<Recommendation?> FindRecommendationAsync(string idOrCode, bool track, CancellationToken ct)
    {
        var query = db.Recommendations.Include(r => r.Plan).Include(r => r.Track).AsQueryable();
        return RecordLookup.FindAsync(track ? query : query.AsNoTracking(), idOrCode, ct);
    }

    /// <summary>The recommendation with its history, the commitments that name it and the engagements given as evidence, as far as readable.</summary>
    public async Task<RecommendationDetailDto> DetailAsync(Recommendation r, CultureInfo culture, CancellationToken ct)
    {
        var changes = await db.Set<RecommendationStatusChange>().AsNoTracking().Where(c => c.ParentId == r.Id)
            .OrderBy(c => c.Date).ThenBy(c => c.Sequence).Take(RecommendationStatusChange.MaxPerRecommendation).ToListAsync(ct);
        var engagementIds = changes.Where(c => c.EvidenceEngagementId is not null).Select(c => c.EvidenceEngagementId!.Value).Distinct().ToList();
        var engagements = await db.Set<Engagement>().AsNoTracking().Where(e => engagementIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Code, e.NameEn, e.NameEs, e.StartDate }).ToDictionaryAsync(e => e.Id, ct);
        var commitmentIds = changes.Where(c => c.EvidenceCommitmentId is not null).Select(c => c.EvidenceCommitmentId!.Value).Distinct().ToList();
        var evidenceCommitments = await db.Set<Commitment>().AsNoTracking().Where(c => commitmentIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.NameEn, c.NameEs }).ToDictionaryAsync(c => c.Id, ct);
        var marker = "," + r.Code + ",";
        var advancing = await db.Set<Commitment>().AsNoTracking().Where(c => c.RecommendationCodes.Contains(marker))
            .OrderBy(c => c.Due == null).ThenBy(c => c.Due).ThenBy(c => c.Code).Take(MaxCommitments)
            .Select(c => new { c.Id, c.Code, c.NameEn, c.NameEs, c.Status, c.Due }).ToListAsync(ct);

        var history = changes.Select(c =>
        {
            var engagement = c.EvidenceEngagementId is { } e && engagements.TryGetValue(e, out var found) ? new LinkDto(found.Id, found.Code, Bilingual.Pick(found.NameEn, found.NameEs, culture)) : null;
            var commitment = c.EvidenceCommitmentId is { } m && evidenceCommitments.TryGetValue(m, out var named) ? new LinkDto(named.Id, named.Code, Bilingual.Pick(named.NameEn, named.NameEs, culture)) : null;
            var hidden = (c.EvidenceEngagementId is not null && engagement is null) || (c.EvidenceCommitmentId is not null && commitment is null);
            return new StatusChangeDto(c.Id, c.Sequence, c.Status.ToString(), c.Date, NullIfEmpty(Bilingual.Pick(c.NoteEn, c.NoteEs, culture)), c.NoteEn, c.NoteEs,
                c.EvidenceUrl, engagement, commitment, hidden, c.CreatedBy, c.CreatedAt);
        }).ToList();

        return new RecommendationDetailDto(r.Id, r.Code, r.Plan?.Code, r.Plan is { } p ? Bilingual.Pick(p.NameEn, p.NameEs, culture) : null, r.Section, r.Number,
            r.Addressee.ToString(), r.Track?.Code, r.Track is { } track ? Bilingual.Pick(track.NameEn, track.NameEs, culture) : null,
            r.IssueCodes.Split(',', StringSplitOptions.RemoveEmptyEntries), Bilingual.Pick(r.TextEn, r.TextEs, culture), r.TextEn, r.TextEs,
            r.Status.ToString(), r.StatusDate, r.Confidentiality.ToString(), r.OwnerSide.ToString(), r.Version, history,
            [.. advancing.Select(c => new AdvancingCommitmentDto(c.Id, c.Code, Bilingual.Pick(c.NameEn, c.NameEs, culture), c.Status.ToString(), c.Due))],
            [.. engagements.Values.OrderBy(e => e.StartDate).ThenBy(e => e.Code, StringComparer.Ordinal)
                .Select(e => new EvidenceEngagementDto(e.Id, e.Code, Bilingual.Pick(e.NameEn, e.NameEs, culture), e.StartDate))]);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>
    /// Records a status change of a tracked, readable recommendation: the fields are checked (status, date not in the
    /// future nor before the latest change, notes, evidence readable by the editor and by every reader of the
    /// recommendation, evidence for Implemented and PartlyImplemented), then the change and the recommendation's
    /// current status are saved together, audited under the recommendation. Problems come back keyed by field.
    /// </summary>
    public async Task<FieldErrors> RecordStatusAsync(Recommendation recommendation, StatusChangeInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var noteEn = RecordAccess.Text(input.Note, "note", RecommendationStatusChange.NoteMaxLength, errors, t, multiline: true);
        var noteEs = RecordAccess.Text(input.NoteEs, "noteEs", RecommendationStatusChange.NoteMaxLength, errors, t, multiline: true);
        var url = RecordAccess.Text(input.EvidenceUrl, "evidenceUrl", RecommendationStatusChange.UrlMaxLength, errors, t);
        if (url.Length > 0 && !WebAddress.IsValid(url))
        {
            errors.Add("evidenceUrl", t["A web address starts with http:// or https://."]);
        }

        var engagement = await EvidenceAsync(db.Set<Engagement>(), input.EvidenceEngagement, "evidenceEngagement", recommendation, errors, ct);
        var commitment = await EvidenceAsync(db.Set<Commitment>(), input.EvidenceCommitment, "evidenceCommitment", recommendation, errors, ct);

        // The whole history, readable or not (a part is read exactly as its recommendation, so it is all readable here).
        var latest = await db.Set<RecommendationStatusChange>().IgnoreQueryFilters().Where(c => c.ParentId == recommendation.Id)
            .GroupBy(c => c.ParentId).Select(g => new { Date = g.Max(c => c.Date), Sequence = g.Max(c => c.Sequence), Count = g.Count() })
            .FirstOrDefaultAsync(ct);
        if (latest is { Count: >= RecommendationStatusChange.MaxPerRecommendation })
        {
            errors.Add("status", t.Localize(PlanProblems.TooManyChanges.With(RecommendationStatusChange.MaxPerRecommendation)));
        }

        var hasEvidence = !string.IsNullOrWhiteSpace(input.EvidenceUrl) || !string.IsNullOrWhiteSpace(input.EvidenceEngagement)
            || !string.IsNullOrWhiteSpace(input.EvidenceCommitment);
        var problems = new List<(string Field, Problem Problem)>();
        var (status, date) = RecommendationStatusRules.Check(input.Status, input.Date, hasEvidence, latest?.Date, time.GetUtcNow(), problems);
        foreach (var (field, problem) in problems)
        {
            errors.Add(field, t.Localize(problem));
        }

        if (errors.Any)
        {
            return errors;
        }

        var change = new RecommendationStatusChange
        {
            Id = Guid.CreateVersion7(),
            Code = RecordPart.NewCode(),
            Sequence = (latest?.Sequence ?? 0) + 1,
            Status = status,
            Date = date,
            NoteEn = NullIfEmpty(noteEn),
            NoteEs = NullIfEmpty(noteEs),
            EvidenceUrl = NullIfEmpty(url),
            EvidenceEngagementId = engagement?.Id,
            EvidenceCommitmentId = commitment?.Id,
        };
        change.FollowAccessOf(recommendation);
        db.Add(change);
        // Dated on or after every earlier change and recorded last: it is the latest, so it is the current status.
        recommendation.Status = status;
        recommendation.StatusDate = date;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>
    /// The record an evidence field names (id or code), if the editor may read it and so may every reader of the
    /// recommendation; otherwise a problem on the field.
    /// </summary>
    private async Task<T?> EvidenceAsync<T>(IQueryable<T> records, string? idOrCode, string field, Recommendation recommendation, FieldErrors errors,
        CancellationToken ct)
        where T : ContentRecord
    {
        if (string.IsNullOrWhiteSpace(idOrCode))
        {
            return null;
        }

        if (idOrCode.Length > 100 || await RecordLookup.FindAsync(records.AsNoTracking(), idOrCode.Trim(), ct) is not { } found)
        {
            errors.Add(field, t["'{0}' was not found or you may not read it.", idOrCode.Length > 40 ? idOrCode[..40] + "…" : idOrCode]);
            return null;
        }

        if (!Readership.ReadableByAllReadersOf(found.Confidentiality, found.OwnerSide, recommendation.Confidentiality, recommendation.OwnerSide))
        {
            errors.Add(field, t["Someone who can read this recommendation could not read this evidence. Name evidence that is at least as open as the recommendation."]);
            return null;
        }

        return found;
    }
}

/// <summary>What a scorecard of one plan counts, and the tracks' order and names for its groups.</summary>
public sealed record ScorecardInput(IReadOnlyList<ScorecardItem> Items, IReadOnlyList<StatusChangeRow> Changes, IReadOnlyList<string> TrackOrder,
    IReadOnlyDictionary<string, (string En, string Es)> TrackNames);
