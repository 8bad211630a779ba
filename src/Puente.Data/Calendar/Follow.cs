namespace Puente.Data.Calendar;

/// <summary>
/// That a user follows a record (an engagement, commitment, mechanism, post, person or agenda issue): its events come to
/// the user's calendar feed. It holds only the subject's kind and id, never its text; what the feed shows of it is read
/// through the user's access at each fetch. A user reads only their own (the context's filter); one row per user and
/// subject (unique index). Not a record: follows and unfollows are audited as account events
/// (docs/decisions/0053-calendar-feeds.md).
/// </summary>
public sealed class Follow
{
    /// <summary>The most follows one account keeps (the feed's queries take the followed ids as parameters).</summary>
    public const int MaxPerUser = 200;

    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public FollowSubject SubjectType { get; set; }

    public Guid SubjectId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
