namespace Puente.Web.Webhooks;

/// <summary>
/// One dispatch run's sending of one delivery, carried on its request (<see cref="Key"/>) to
/// <see cref="WebhookAttemptHandler"/>, which signs each request the resilience pipeline makes and writes down what
/// became of it. It lives only in memory for the length of the send.
/// </summary>
internal sealed class WebhookSend(string secret, byte[] body)
{
    public static readonly HttpRequestOptionsKey<WebhookSend> Key = new("Puente.WebhookSend");

    public string Secret { get; } = secret;

    public byte[] Body { get; } = body;

    /// <summary>Every request made, in order.</summary>
    public List<Try> Tries { get; } = [];

    /// <summary>One request: when it started, the status answered (or null) and the error (or null), how long it took.</summary>
    public sealed record Try(DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);
}
