namespace Puente.Web.Mail;

/// <summary>
/// <c>Puente:Mail</c>: the SMTP server the outbox is sent through, and how the dispatcher retries
/// (docs/decisions/0041-mail-outbox.md). Checked at start by <see cref="MailOptionsValidator"/>; the password is never
/// logged or stored with a message's error.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Puente:Mail";

    /// <summary><c>Puente:Mail:Enabled</c>: off unless set. Off, messages are still queued, but none is sent.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>Puente:Mail:Host</c>: the SMTP server (required when enabled).</summary>
    public string? Host { get; set; }

    /// <summary><c>Puente:Mail:Port</c>: 1–65535; 0 (the default) means the usual port of <see cref="Security"/>:
    /// 25 for none, 587 for starttls, 465 for ssl.</summary>
    public int Port { get; set; }

    /// <summary><c>Puente:Mail:Security</c>: <c>none</c>, <c>starttls</c> (the default) or <c>ssl</c>.</summary>
    public string Security { get; set; } = "starttls";

    /// <summary><c>Puente:Mail:UserName</c>: for SMTP authentication; none when empty.</summary>
    public string? UserName { get; set; }

    /// <summary><c>Puente:Mail:Password</c>: with <see cref="UserName"/>. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary><c>Puente:Mail:From</c>: the sender's address (required when enabled).</summary>
    public string? From { get; set; }

    /// <summary><c>Puente:Mail:FromName</c>: the sender's name, "Puente" by default.</summary>
    public string FromName { get; set; } = "Puente";

    /// <summary><c>Puente:Mail:DispatchIntervalSeconds</c>: how often due messages are sent, 10–3,600 (60).</summary>
    public int DispatchIntervalSeconds { get; set; } = 60;

    /// <summary><c>Puente:Mail:MaxAttempts</c>: attempts before a message is given up, 1–20 (8: retried after 1, 2, 4 …
    /// 64 minutes, about two hours in all).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary><c>Puente:Mail:MaxAgeHours</c>: a message not sent this long after it was queued is given up instead of
    /// sent late (a reminder after mail was off for a week), 1–720 (72).</summary>
    public int MaxAgeHours { get; set; } = 72;

    /// <summary><c>Puente:Mail:TimeoutSeconds</c>: how long one SMTP operation may take, 1–300 (30).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The port to connect to: <see cref="Port"/>, or the usual one of <see cref="Security"/>.</summary>
    public int EffectivePort => Port != 0 ? Port : Security.ToLowerInvariant() switch
    {
        "none" => 25,
        "ssl" => 465,
        _ => 587,
    };
}
