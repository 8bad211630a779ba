using System.Net;

namespace Puente.Web.Webhooks;

/// <summary>A connection the address policy refused: the host is, or resolves to, a loopback, link-local or unspecified
/// address and is not allowed (decision 0035). Not transient: the request is not repeated within the run.</summary>
public sealed class WebhookAddressRefusedException : Exception
{
    public WebhookAddressRefusedException()
    {
    }

    public WebhookAddressRefusedException(string message)
        : base(message)
    {
    }

    public WebhookAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WebhookAddressRefusedException(string host, IPAddress address)
        : base($"Refused to connect to {host}: it resolves to {address}, a loopback, link-local or unspecified address that is not in Puente:Webhooks:AllowedHosts.")
    {
    }
}
