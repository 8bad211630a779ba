using Puente.Core.Health;

namespace Puente.Web.Features.Health;

/// <summary>
/// A mechanism's health on a day. The first nine fields are the contract of issue 12; the rest explain them:
/// <c>nextSessionExpected</c> says the next session is the last plus one interval rather than a recorded one.
/// </summary>
public sealed record MechanismHealthResponse(
    string Mechanism,
    DateOnly AsOf,
    string Status,
    DateOnly? LastSession,
    DateOnly? NextSession,
    int SessionsLast3Years,
    IReadOnlyList<string> AdministrationsMet,
    int OpenCommitments,
    double? KeptShare,
    string Name,
    string Cadence,
    int? IntervalMonths,
    bool NextSessionExpected,
    string Explanation,
    IReadOnlyList<SessionSeniorityDto> Seniority,
    CommitmentCountsDto Commitments);

/// <summary>The most senior level on each side at one of the latest sessions (null: none recorded).</summary>
public sealed record SessionSeniorityDto(string Session, DateOnly Date, string? Mx, string? Us);

/// <summary>The mechanism's commitments made by the day, by their status on it (partly kept counts half in the kept share).</summary>
public sealed record CommitmentCountsDto(int Open, int Kept, int PartlyKept, int Broken, int Closed);

/// <summary>The status at the end of each quarter (the last point: on <c>to</c>).</summary>
public sealed record HealthHistoryResponse(string Mechanism, DateOnly From, DateOnly To, string By, IReadOnlyList<HealthHistoryItem> Items);

public sealed record HealthHistoryItem(DateOnly Date, string Status, DateOnly? LastSession);

/// <summary>What the mechanism page's health panel shows: the health, what its status means, the status by quarter,
/// and, when the day asked was not a date, why (the panel is then for today) with the text as typed.</summary>
public sealed record HealthPanel(HealthAssessment Health, string Explanation, IReadOnlyList<HealthHistoryItem> History, DateOnly Today, string? AsOfError,
    string? AsOfText);
