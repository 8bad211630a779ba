namespace Puente.Web.Features.Timelines;

/// <summary>What a timeline is of.</summary>
public enum TimelineSubject
{
    Actor,
    Person,
    Post,
    Mechanism,
    Issue,
}

/// <summary>
/// One entry of a timeline. Today every entry is an engagement (<see cref="Type"/> "engagement"); commitments and
/// alerts join the same list later. <see cref="Start"/> is in the place's zone.
/// </summary>
public sealed record TimelineItem(string Type, Guid Id, string Code, DateTimeOffset Start, DateTimeOffset End, bool AllDay, string TimeZone,
    string Title, string Kind, string? Mechanism, int? Session, string Confidentiality, EventWindow? Before, EventWindow? After);

/// <summary>
/// The GDELT USA–MEX picture over a window of days (both ends included): events, and their mean Goldstein score and tone
/// (weighted by events). Null on a timeline entry when the event store has no events in that window.
/// </summary>
public sealed record EventWindow(DateOnly From, DateOnly To, long Events, double Goldstein, double Tone);

/// <summary>
/// A page of a subject's timeline, oldest first. <c>EventsAsOf</c>: the last day the event store has (mechanism
/// timelines), or null. <c>EventsUnavailable</c>: the event store was busy or outdated, so the windows are missing.
/// </summary>
public sealed record TimelineResponse(string Subject, Guid Id, string Code, string Name, IReadOnlyList<TimelineItem> Items, int Total, int Page,
    int PageSize, DateOnly? EventsAsOf, bool EventsUnavailable)
{
    /// <summary>
    /// The subject's commitments (the day each was made, <see cref="LedgerEntry.Type"/> "commitment") and their status
    /// changes ("status") in the timeline's period, oldest first; not paged with the engagements (at most
    /// <see cref="TimelineService.MaxLedgerEntries"/>). Empty when the timeline is filtered by an engagement kind.
    /// </summary>
    public IReadOnlyList<LedgerEntry> Ledger { get; init; } = [];
}

/// <summary>A commitment made (<c>Type</c> "commitment") or a change of its status ("status") on a timeline.</summary>
public sealed record LedgerEntry(string Type, DateOnly Date, Guid CommitmentId, string Code, string Title, string Status, DateOnly? Due,
    string Confidentiality);
