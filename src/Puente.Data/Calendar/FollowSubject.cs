namespace Puente.Data.Calendar;

/// <summary>What a user can follow. Stored by name; the feed's rule for each is in docs/decisions/0053-calendar-feeds.md.</summary>
public enum FollowSubject
{
    Engagement,
    Commitment,
    Mechanism,
    Post,
    Person,
    Issue,
}
