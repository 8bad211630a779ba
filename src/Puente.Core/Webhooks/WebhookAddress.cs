using System.Net;
using System.Net.Sockets;
using Puente.Core.Text;

namespace Puente.Core.Webhooks;

/// <summary>
/// Where a webhook may be sent (docs/decisions/0035-webhook-address-policy.md): an absolute http or https address,
/// without credentials, at most <see cref="WebhookSubscription.UrlMaxLength"/> characters, whose host is not — and,
/// when connecting, does not resolve to — this machine's own addresses: loopback (127.0.0.0/8, ::1), link-local
/// (169.254.0.0/16, where clouds serve instance credentials; fe80::/10), unspecified (0.0.0.0/8, ::), the IPv4-mapped
/// (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) forms of those. A host an administrator lists in
/// <c>Puente:Webhooks:AllowedHosts</c> is exempt. These rules are pure; resolving names is the caller's.
/// </summary>
public static class WebhookAddress
{
    /// <summary>
    /// The address's problem, or null when it may be used as far as its text shows (a host name is checked again once
    /// resolved: see <see cref="IsRefused"/>). <paramref name="allowedHosts"/> exempt their hosts from the address rule.
    /// </summary>
    public static Problem? Check(string url, IReadOnlyCollection<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(allowedHosts);
        if (url.Length > WebhookSubscription.UrlMaxLength)
        {
            return WebhookProblems.TooLong.With(url.Length, WebhookSubscription.UrlMaxLength);
        }

        // "/hooks" parses as a file path on Unix: an address here has a scheme and an authority.
        if (!url.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return WebhookProblems.NotAbsolute.With();
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return WebhookProblems.Scheme.With(uri.Scheme);
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            return WebhookProblems.NotAbsolute.With();
        }

        if (uri.UserInfo.Length > 0)
        {
            return WebhookProblems.Credentials.With();
        }

        if (IsAllowed(uri.IdnHost, allowedHosts))
        {
            return null;
        }

        return IPAddress.TryParse(uri.IdnHost, out var literal) && IsRefused(literal)
            ? WebhookProblems.RefusedAddress.With(uri.IdnHost)
            : null;
    }

    /// <summary>Whether <paramref name="host"/> (a name or an address, IPv6 with or without brackets) is one of
    /// <paramref name="allowedHosts"/>, compared without case.</summary>
    public static bool IsAllowed(string host, IReadOnlyCollection<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        var bare = Bare(host);
        return allowedHosts.Any(a => string.Equals(Bare(a), bare, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether a connection to <paramref name="address"/> would reach this machine or its link: loopback
    /// (127.0.0.0/8, ::1), link-local (169.254.0.0/16, fe80::/10), unspecified (0.0.0.0/8, ::), and those written as
    /// IPv4-mapped (::ffff:0:0/96) or IPv4-compatible (::/96) IPv6 addresses.
    /// </summary>
    public static bool IsRefused(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 127 || b[0] == 0 || (b[0] == 169 && b[1] == 254);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return true; // nothing else is a place to POST to
        }

        var bytes = address.GetAddressBytes();
        // ::/96 holds the unspecified address, loopback and the deprecated IPv4-compatible forms (::127.0.0.1).
        if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return true;
        }

        return address.IsIPv6LinkLocal;
    }

    private static string Bare(string host) => host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.');
}
