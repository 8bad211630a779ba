using System.Net;
using System.Net.Sockets;
using Puente.Core.Text;
using Puente.Core.Webhooks;

namespace Puente.Web.Webhooks;

/// <summary>
/// The address policy where it counts (decision 0035): <see cref="ConnectAsync"/> is the webhook client's
/// <c>SocketsHttpHandler.ConnectCallback</c>, so the addresses checked are the ones connected to — a name that resolved
/// to a public address when the subscription was made and to 127.0.0.1 now (DNS rebinding) is refused at this moment.
/// <see cref="CheckAsync"/> is the same rule when an administrator types the address, for a clear field error.
/// </summary>
public static class WebhookConnector
{
    /// <summary>How long the check of a typed address waits for its name to resolve.</summary>
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Resolves the host, refuses it when any of its addresses is refused and it is not allowed, and connects to its
    /// addresses in turn.
    /// </summary>
    /// <exception cref="WebhookAddressRefusedException">The policy refuses the host.</exception>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, IReadOnlyCollection<string> allowedHosts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var addresses = await ResolveAsync(endPoint.Host, ct);
        if (!WebhookAddress.IsAllowed(endPoint.Host, allowedHosts) && addresses.FirstOrDefault(WebhookAddress.IsRefused) is { } refused)
        {
            throw new WebhookAddressRefusedException(endPoint.Host, refused);
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>
    /// The problem with an address an administrator typed, or null: its form (<see cref="WebhookAddress.Check"/>), then
    /// the addresses its name resolves to now. A name that does not resolve (yet) is accepted: every connection is
    /// checked again.
    /// </summary>
    public static async Task<Problem?> CheckAsync(string url, IReadOnlyCollection<string> allowedHosts, CancellationToken ct)
    {
        if (WebhookAddress.Check(url, allowedHosts) is { } problem)
        {
            return problem;
        }

        var host = new Uri(url).IdnHost;
        if (WebhookAddress.IsAllowed(host, allowedHosts) || IPAddress.TryParse(Bare(host), out _))
        {
            return null; // an allowed host, or an address the form check has passed
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ResolveTimeout);
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(host, timeout.Token);
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }

        return addresses.FirstOrDefault(WebhookAddress.IsRefused) is { } refused
            ? WebhookProblems.RefusedName.With(host, refused.ToString())
            : null;
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(Bare(host), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);

    private static string Bare(string host) => host.TrimStart('[').TrimEnd(']');
}
