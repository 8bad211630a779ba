namespace Puente.Data.Notifications;

/// <summary>
/// That something about a record wants a user's attention ("commitment due in 7 days"). It holds no text: the page
/// renders it from the record, through the reader's access filter, when it is read, so a notification never shows
/// what its reader cannot open (docs/decisions/0041-mail-outbox.md). A user reads only their own (the context's filter).
/// </summary>
public sealed class Notification
{
    /// <summary>The most characters of <see cref="Kind"/> and of <see cref="Occasion"/>.</summary>
    public const int KindMaxLength = 40;

    public Guid Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>Which <c>INotificationSource</c> renders it ("commitment").</summary>
    public required string Kind { get; set; }

    /// <summary>The record it is about.</summary>
    public Guid RecordId { get; set; }

    /// <summary>Why now ("due-7", "overdue"); one notification per user, kind, record and occasion.</summary>
    public required string Occasion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
