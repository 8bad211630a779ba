namespace Puente.Web.Webhooks;

/// <summary>
/// <c>Puente:Webhooks</c>: how the dispatcher sends webhook deliveries and which hosts an administrator exempts from the
/// address policy (docs/decisions/0034-webhooks.md, 0035-webhook-address-policy.md). Checked at start by
/// <see cref="WebhookOptionsValidator"/>.
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Puente:Webhooks";

    /// <summary><c>Puente:Webhooks:Enabled</c>: on unless set to false. Off, events are still queued, but none is sent.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Puente:Webhooks:DispatchIntervalSeconds</c>: how often due deliveries are sent, 10–3,600 (30).</summary>
    public int DispatchIntervalSeconds { get; set; } = 30;

    /// <summary><c>Puente:Webhooks:MaxAttempts</c>: dispatch runs that may try a delivery before it is given up, 1–20
    /// (8: after 1, 2, 4 … 64 minutes, about two hours in all). Each run makes up to 1 + <see cref="RetriesPerRun"/> requests.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary><c>Puente:Webhooks:RetriesPerRun</c>: requests repeated at once within a run after a transient failure
    /// (5xx, 408, 429, no connection, a timeout), 0–5 (2).</summary>
    public int RetriesPerRun { get; set; } = 2;

    /// <summary><c>Puente:Webhooks:RetryDelayMilliseconds</c>: the median wait before the first repeat within a run; it
    /// grows exponentially, with jitter, for the next ones, 0–60,000 (1,000).</summary>
    public int RetryDelayMilliseconds { get; set; } = 1000;

    /// <summary><c>Puente:Webhooks:AttemptTimeoutSeconds</c>: how long one request may take, 1–120 (10).</summary>
    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary><c>Puente:Webhooks:TotalTimeoutSeconds</c>: how long a run may spend on one delivery, its repeats and waits
    /// included, 1–300 and at least the attempt timeout (30).</summary>
    public int TotalTimeoutSeconds { get; set; } = 30;

    /// <summary><c>Puente:Webhooks:MaxAgeHours</c>: a delivery not made this long after its event is given up rather than
    /// sent late, 1–720 (72).</summary>
    public int MaxAgeHours { get; set; } = 72;

    /// <summary><c>Puente:Webhooks:AllowedHosts</c>: host names or IP addresses that webhooks may reach even though they
    /// are (or resolve to) loopback, link-local or unspecified addresses — an administrator's explicit allowance, such as a
    /// receiver on the same machine. At most 20; none by default.</summary>
    public string[]? AllowedHosts { get; set; }

    /// <summary>The allowed hosts, or none.</summary>
    public IReadOnlyList<string> Hosts => AllowedHosts ?? [];
}
