namespace Puente.Web.Webhooks;

/// <summary>What one dispatch run did: deliveries made, left to retry later, given up after their last attempt (or
/// because their account may no longer read the subject), and given up unsent because they were too old.</summary>
public sealed record WebhookDispatchReport(int Sent, int Retrying, int Failed, int Expired)
{
    public static WebhookDispatchReport None { get; } = new(0, 0, 0, 0);
}
