namespace Puente.Web.Mail;

/// <summary>What one dispatch run did: messages sent, left to retry later, given up after their last attempt, and given
/// up unsent because they were too old.</summary>
public sealed record MailDispatchReport(int Sent, int Retrying, int Failed, int Expired)
{
    public static MailDispatchReport None { get; } = new(0, 0, 0, 0);
}
