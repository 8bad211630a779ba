using System.Globalization;
using Puente.Core.Localization;
using Puente.Core.Plans;

namespace Puente.Web.Features.Plans;

/// <summary>
/// A plan as the API returns it: its names and access, how many of its recommendations the reader may read, and (on one
/// plan, null in lists) those recommendations in the plan's order with their current status.
/// </summary>
public sealed record PlanDto : RecordDto
{
    internal PlanDto(Plan plan, CultureInfo culture, int recommendationCount, IReadOnlyList<PlanRecommendationDto>? recommendations)
        : base(plan, culture)
    {
        RecommendationCount = recommendationCount;
        Recommendations = recommendations;
    }

    /// <summary>The plan's recommendations the reader may read.</summary>
    public int RecommendationCount { get; }

    /// <summary>Present on one plan; null in lists.</summary>
    public IReadOnlyList<PlanRecommendationDto>? Recommendations { get; }
}

/// <summary>One recommendation in a plan's list: where it sits, whom it addresses, its text and its current status.</summary>
public sealed record PlanRecommendationDto(Guid Id, string Code, string? Section, int Number, string Addressee, string? Track, string Text,
    string Status, DateOnly? StatusDate);

/// <summary>A scorecard: the plan, the day, the grouping, each group's counts by status, and the totals.</summary>
public sealed record ScorecardDto(string Plan, string PlanName, DateOnly AsOf, string By, IReadOnlyList<ScorecardGroupDto> Groups, ScorecardTotalsDto Totals);

/// <summary>
/// One group: <see cref="Key"/> is the section, the addressee (MX, US, BOTH, REGIONAL) or the track code ("" for
/// recommendations without one), <see cref="Label"/> its name in the request's language; <see cref="Counts"/> has every
/// status, zeros included.
/// </summary>
public sealed record ScorecardGroupDto(string Key, string Label, int Total, IReadOnlyDictionary<string, int> Counts);

public sealed record ScorecardTotalsDto(int Total, IReadOnlyDictionary<string, int> Counts);

/// <summary>A trend: the scorecard at the end of each quarter of the period (the last point as of <see cref="To"/>).</summary>
public sealed record ScorecardTrendDto(string Plan, string PlanName, DateOnly From, DateOnly To, string By, IReadOnlyList<ScorecardPointDto> Points);

public sealed record ScorecardPointDto(string Quarter, DateOnly AsOf, IReadOnlyList<ScorecardGroupDto> Groups, ScorecardTotalsDto Totals);

/// <summary>A record named as evidence or as advancing a recommendation: its id, code and name in the request's language.</summary>
public sealed record LinkDto(Guid Id, string Code, string Name);

/// <summary>
/// One status change. The evidence records are those the reader may read; <see cref="EvidenceHidden"/> says that some
/// evidence was recorded that the reader may not read (it became more private after it was named).
/// </summary>
public sealed record StatusChangeDto(Guid Id, int Sequence, string Status, DateOnly Date, string? Note, string? NoteEn, string? NoteEs,
    string? EvidenceUrl, LinkDto? EvidenceEngagement, LinkDto? EvidenceCommitment, bool EvidenceHidden, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A commitment whose recommendation codes name this recommendation.</summary>
public sealed record AdvancingCommitmentDto(Guid Id, string Code, string Text, string Status, DateOnly? Due);

/// <summary>An engagement given as evidence in the recommendation's history.</summary>
public sealed record EvidenceEngagementDto(Guid Id, string Code, string Title, DateOnly Date);

/// <summary>
/// One recommendation with its plan, its current status, its status history (oldest first), the commitments that name
/// it and the engagements given as evidence — each as far as the reader may read it.
/// </summary>
public sealed record RecommendationDetailDto(Guid Id, string Code, string? Plan, string? PlanName, string? Section, int Number, string Addressee,
    string? Track, string? TrackName, IReadOnlyList<string> Issues, string Text, string TextEn, string TextEs, string Status, DateOnly? StatusDate,
    string Confidentiality, string OwnerSide, int Version, IReadOnlyList<StatusChangeDto> History, IReadOnlyList<AdvancingCommitmentDto> Commitments,
    IReadOnlyList<EvidenceEngagementDto> Engagements);

/// <summary>
/// A new status change: <c>status</c> (NotStarted, InProgress, PartlyImplemented, Implemented, Abandoned,
/// NotApplicable), <c>date</c> (YYYY-MM-DD, not in the future, not before the latest change), notes in English
/// (<c>note</c>) and Spanish (<c>noteEs</c>), and evidence: a web address, an engagement (id or code) and/or a commitment
/// (id or code). Implemented and PartlyImplemented need evidence.
/// </summary>
public sealed class StatusChangeInput
{
    public string? Status { get; set; }
    public string? Date { get; set; }
    public string? Note { get; set; }
    public string? NoteEs { get; set; }
    public string? EvidenceUrl { get; set; }
    public string? EvidenceEngagement { get; set; }
    public string? EvidenceCommitment { get; set; }
}

/// <summary>How scorecards name their groups and counts in the request's language.</summary>
public static class ScorecardText
{
    /// <summary>Every status with its count, in the enum's order.</summary>
    public static IReadOnlyDictionary<string, int> Counts(ScorecardTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var counts = new Dictionary<string, int>(RecommendationStatuses.All.Count, StringComparer.Ordinal);
        foreach (var status in RecommendationStatuses.All)
        {
            counts[status.ToString()] = tally[status];
        }

        return counts;
    }

    /// <summary>A group's name: "Section I", an addressee's name, a track's name (<paramref name="trackNames"/> by code).</summary>
    public static string Label(ScorecardGrouping by, string key, IReadOnlyDictionary<string, (string En, string Es)> trackNames, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(trackNames);
        return by switch
        {
            ScorecardGrouping.Section when key.Length == 0 => t["No section"],
            ScorecardGrouping.Section when key == "Conclusion" => t["Conclusion"],
            ScorecardGrouping.Section => t["Section {0}", key],
            ScorecardGrouping.Addressee => t["Addressee." + key],
            _ when key.Length == 0 => t["No track"],
            _ => trackNames.TryGetValue(key, out var name) ? Bilingual.Pick(name.En, name.Es, CultureInfo.CurrentUICulture) : key,
        };
    }

    public static IReadOnlyList<ScorecardGroupDto> Groups(ScorecardResult result, IReadOnlyDictionary<string, (string En, string Es)> trackNames, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Groups.Select(g => new ScorecardGroupDto(g.Key, Label(result.By, g.Key, trackNames, t), g.Tally.Total, Counts(g.Tally)))];
    }

    public static ScorecardTotalsDto Totals(ScorecardResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ScorecardTotalsDto(result.Totals.Total, Counts(result.Totals));
    }

    /// <summary>The grouping's name as the API takes it ("section", "addressee", "track").</summary>
    public static string Name(ScorecardGrouping by) => by.ToString().ToLowerInvariant();

    /// <summary>Reads "section", "addressee" or "track" (any case); empty is section.</summary>
    public static bool TryParse(string? text, out ScorecardGrouping by)
    {
        by = ScorecardGrouping.Section;
        return string.IsNullOrWhiteSpace(text) || Core.Text.EnumText.TryParse(text, out by);
    }
}
