namespace Puente.Data.Mail;

/// <summary>
/// One e-mail waiting to be sent, being sent, sent or given up: delivery state, not a record. It is not audited and
/// no page shows it; only the dispatcher (and whoever enqueues it) reads it. Its content is bounded (see the
/// constants) because it is written by jobs from record content (docs/decisions/0041-mail-outbox.md).
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The most characters of <see cref="Key"/>.</summary>
    public const int KeyMaxLength = 200;

    /// <summary>The most characters of <see cref="Subject"/>.</summary>
    public const int SubjectMaxLength = 300;

    /// <summary>The most UTF-8 bytes of each body (64 KiB); the column holds as many characters.</summary>
    public const int BodyMaxBytes = 64 * 1024;

    /// <summary>The longest address SMTP carries (RFC 5321: a 254-character path).</summary>
    public const int AddressMaxLength = 254;

    /// <summary>As Identity keys its users.</summary>
    public const int UserIdMaxLength = 450;

    /// <summary>The most characters kept of the last delivery error.</summary>
    public const int ErrorMaxLength = 500;

    public Guid Id { get; set; }

    /// <summary>What this message is, chosen by its sender ("commitment:{id}:due-7:{userId}"): unique, so the same
    /// message is never queued twice. It also makes the Message-ID, so a resend is recognisable.</summary>
    public required string Key { get; set; }

    /// <summary>The recipient's account, for finding a user's mail; the address is kept as it was when queued.</summary>
    public required string ToUserId { get; set; }

    public required string ToAddress { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public string? HtmlBody { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Delivery attempts begun, counted when the message is claimed (so a crash mid-send counts too).</summary>
    public int Attempts { get; set; }

    /// <summary>When the message is next due; null once it was sent or given up, which keeps the due index small.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When the dispatcher gave up on it (too many attempts, or too old to be worth sending).</summary>
    public DateTimeOffset? FailedAt { get; set; }

    /// <summary>The last delivery error, shortened, with no credentials.</summary>
    public string? LastError { get; set; }

    /// <summary>The claim of the dispatcher sending it now, and until when the claim holds (after a crash it lapses
    /// and another run may send it again).</summary>
    public Guid? LeaseId { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}
