namespace Puente.Data.Webhooks;

/// <summary>
/// One event waiting to be POSTed to one subscription, being sent, sent or given up: delivery state, not a record,
/// as the mail outbox's messages are (docs/decisions/0034-webhooks.md). Only the system reads it (the dispatcher, and
/// the outbox when it checks a key); administrators read its attempts (<see cref="WebhookAttempt"/>). Its id is the
/// <c>X-Puente-Delivery</c> header: the same for every attempt, so a receiver recognises a repeat.
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>The most characters of <see cref="EventKey"/>.</summary>
    public const int KeyMaxLength = 200;

    /// <summary>The most UTF-8 bytes of <see cref="Payload"/> (64 KiB); the column holds as many characters.</summary>
    public const int PayloadMaxBytes = 64 * 1024;

    /// <summary>The most characters of <see cref="SubjectType"/>.</summary>
    public const int SubjectTypeMaxLength = 100;

    /// <summary>The most characters kept of the last error.</summary>
    public const int ErrorMaxLength = 500;

    public Guid Id { get; set; }

    public Guid SubscriptionId { get; set; }

    /// <summary>One of <c>WebhookEvents.All</c>.</summary>
    public required string EventType { get; set; }

    /// <summary>What this event is, chosen by its sender ("alert:{id}:opened"): one delivery per subscription and key
    /// (the database holds it), so a rerun queues nothing twice.</summary>
    public required string EventKey { get; set; }

    /// <summary>The record the event is about, whose access decided who is sent it (checked again before each send).</summary>
    public required string SubjectType { get; set; }

    public Guid SubjectId { get; set; }

    /// <summary>The body, serialized once when queued (the same bytes for every subscription and every attempt).</summary>
    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Dispatch runs that tried it, counted when it is claimed (a crash mid-send counts too). Each run makes one
    /// or more HTTP requests (its retries), each logged as a <see cref="WebhookAttempt"/>.</summary>
    public int Attempts { get; set; }

    /// <summary>When it is next due; null once sent or given up, which keeps the due index as small as the queue.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? FailedAt { get; set; }

    /// <summary>The last failure, shortened.</summary>
    public string? LastError { get; set; }

    /// <summary>The claim of the run sending it now, and until when it holds (after a crash it lapses).</summary>
    public Guid? LeaseId { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}
