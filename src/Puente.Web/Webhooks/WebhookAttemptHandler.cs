using Puente.Core.Webhooks;

namespace Puente.Web.Webhooks;

/// <summary>
/// The innermost handler of the webhook client, under the resilience pipeline: it sees every request the retries make.
/// Each one gets a fresh <c>X-Puente-Timestamp</c> and its <c>X-Puente-Signature</c> (so a repeat seconds later is
/// not stale), and its outcome is written to the <see cref="WebhookSend"/> for the delivery log.
/// </summary>
internal sealed class WebhookAttemptHandler(TimeProvider time) : DelegatingHandler
{
    public const string TimestampHeader = "X-Puente-Timestamp";
    public const string SignatureHeader = "X-Puente-Signature";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(WebhookSend.Key, out var send))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var at = time.GetUtcNow();
        var seconds = at.ToUnixTimeSeconds();
        request.Headers.Remove(TimestampHeader);
        request.Headers.Remove(SignatureHeader);
        request.Headers.TryAddWithoutValidation(TimestampHeader, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(SignatureHeader, WebhookSignature.Compute(send.Secret, seconds, send.Body));
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var code = (int)response.StatusCode;
            send.Tries.Add(new(at, code, response.IsSuccessStatusCode ? null : Describe(response), Elapsed(started)));
            return response;
        }
        catch (Exception e)
        {
            send.Tries.Add(new(at, null, WebhookDispatcher.Describe(e), Elapsed(started)));
            throw;
        }
    }

    private int Elapsed(long started) => (int)Math.Min(int.MaxValue, time.GetElapsedTime(started).TotalMilliseconds);

    private static string Describe(HttpResponseMessage response)
    {
        var text = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        // Redirects are not followed: a receiver that moved must be given its new address.
        return (int)response.StatusCode is >= 300 and < 400 ? $"{text}: redirects are not followed (Location: {response.Headers.Location})" : text;
    }
}
