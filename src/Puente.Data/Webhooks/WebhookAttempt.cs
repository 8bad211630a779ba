namespace Puente.Data.Webhooks;

/// <summary>
/// One HTTP request of a delivery: the delivery log an administrator reads, newest first. It holds what the receiver
/// answered (status, or the error), when and how long it took — never the secret, the signature or the body. Readable
/// exactly by who can read its subscription (the context's filter).
/// </summary>
public sealed class WebhookAttempt
{
    /// <summary>The most characters kept of an error.</summary>
    public const int ErrorMaxLength = 500;

    /// <summary>In the order they were written: the log's order.</summary>
    public long Id { get; set; }

    public Guid SubscriptionId { get; set; }

    public Guid DeliveryId { get; set; }

    public required string EventType { get; set; }

    public required string EventKey { get; set; }

    /// <summary>1 for the delivery's first request, counting every request of every run.</summary>
    public int Number { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The HTTP status the receiver answered; null when there was no answer (see <see cref="Error"/>).</summary>
    public int? StatusCode { get; set; }

    /// <summary>Why it failed when there was no answer (or the answer was not a success), shortened.</summary>
    public string? Error { get; set; }

    public int DurationMs { get; set; }

    /// <summary>The receiver answered 2xx: delivered.</summary>
    public bool Succeeded { get; set; }
}
