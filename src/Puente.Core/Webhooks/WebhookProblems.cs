using Puente.Core.Text;

namespace Puente.Core.Webhooks;

/// <summary>Every problem <see cref="WebhookAddress"/> reports about a webhook's address. The web layer translates each code (EN/ES).</summary>
public static class WebhookProblems
{
    public static readonly ProblemKind NotAbsolute = new("webhook.url.notAbsolute", "is not a complete web address; write it as https://host/path");

    public static readonly ProblemKind Scheme = new("webhook.url.scheme", "must start with http:// or https://, not {0}://");

    public static readonly ProblemKind TooLong = new("webhook.url.tooLong", "has {0} characters; at most {1} are allowed");

    public static readonly ProblemKind Credentials = new("webhook.url.credentials",
        "must not contain a user name or password; the signature proves the request comes from Puente");

    public static readonly ProblemKind RefusedAddress = new("webhook.url.refusedAddress",
        "points at {0}, a loopback, link-local or unspecified address, which webhooks may not reach unless the host is listed in Puente:Webhooks:AllowedHosts");

    public static readonly ProblemKind RefusedName = new("webhook.url.refusedName",
        "names {0}, which resolves to {1}, a loopback, link-local or unspecified address, which webhooks may not reach unless the host is listed in Puente:Webhooks:AllowedHosts");
}
