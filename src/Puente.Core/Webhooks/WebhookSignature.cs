using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Puente.Core.Webhooks;

/// <summary>
/// The signature of a webhook request (docs/webhooks.md): <c>sha256=</c> and the lower-case hex HMAC-SHA256, keyed with
/// the UTF-8 bytes of the subscription's secret, of <c>"{timestamp}.{body}"</c> — the decimal Unix time in seconds of the
/// <c>X-Puente-Timestamp</c> header, a full stop, and the body's bytes exactly as sent.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    /// <summary>The <c>X-Puente-Signature</c> value for <paramref name="body"/> sent at <paramref name="unixSeconds"/>.</summary>
    public static string Compute(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Whether <paramref name="signature"/> is the one for this body and time, compared in constant time.</summary>
    public static bool Matches(string secret, long unixSeconds, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(secret, unixSeconds, body)), Encoding.ASCII.GetBytes(signature));
}
