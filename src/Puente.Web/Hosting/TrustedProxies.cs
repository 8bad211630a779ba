using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Puente.Web.Hosting;

/// <summary>
/// Which reverse proxies may tell Puente the original scheme and client address (X-Forwarded-Proto, X-Forwarded-For).
/// Loopback is always trusted (the README's TLS proxy on the same machine); <see cref="Key"/> adds addresses or
/// networks, comma-separated ("10.0.0.5, 10.1.0.0/16"). Headers from any other sender are ignored, so a client cannot
/// claim https or another address. See docs/decisions/0017-browser-and-input-hardening.md.
/// </summary>
public static class TrustedProxies
{
    public const string Key = "Puente:TrustedProxies";

    /// <summary>Reads <paramref name="text"/>; false when an entry is neither an IP address nor a CIDR network.</summary>
    public static bool TryParse(string? text, out List<IPNetwork> networks)
    {
        networks = [];
        foreach (var entry in (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Forward the scheme and client address from loopback and the configured proxies only.</summary>
    public static void Configure(ForwardedHeadersOptions options, string? configured)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor;
        if (TryParse(configured, out var networks))
        {
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        }
    }
}
