using System.Globalization;
using Puente.Core.Warning;

namespace Puente.Data.Warning;

/// <summary>
/// Why an alert is announced (<see cref="AlertAnnouncer.AnnounceAsync"/>): it opened; its severity rose; it changed while
/// its signal persists; a person acknowledged, resolved or dismissed it. People are told of the first two only (in the
/// app and by e-mail, once each: the occasion is part of the notification's unique key and of the e-mail's key); every
/// occasion is an event for machines (webhooks). Each is at most 40 characters.
/// </summary>
public static class AlertOccasions
{
    public const string Opened = "opened";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
    public const string Dismissed = "dismissed";

    private const string EscalatedPrefix = "escalated-";
    private const string UpdatedPrefix = "updated@";

    /// <summary>"escalated-High": the episode reached a higher severity than the alert had.</summary>
    public static string Escalated(Severity severity) => EscalatedPrefix + severity;

    /// <summary>"updated@2031-03-01": the alert changed (a new latest period or a revised value) without rising.</summary>
    public static string Updated(DateOnly lastPeriod) => UpdatedPrefix + lastPeriod.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whether people (in the app, by e-mail) are told: when an alert opens or escalates.</summary>
    public static bool TellsPeople(string occasion) =>
        occasion == Opened || (occasion ?? "").StartsWith(EscalatedPrefix, StringComparison.Ordinal);

    /// <summary>The machine event of an occasion, by its wire name (the webhooks' <c>WebhookEvents</c>): alert.opened,
    /// alert.updated (an update or an escalation), alert.acknowledged, alert.resolved, alert.dismissed.</summary>
    public static string EventName(string occasion) => occasion switch
    {
        Opened => "alert.opened",
        Acknowledged => "alert.acknowledged",
        Resolved => "alert.resolved",
        Dismissed => "alert.dismissed",
        _ => "alert.updated",
    };

    /// <summary>The severity an "escalated-…" occasion names, or null.</summary>
    public static Severity? EscalatedTo(string occasion) =>
        (occasion ?? "").StartsWith(EscalatedPrefix, StringComparison.Ordinal) && Enum.TryParse<Severity>(occasion![EscalatedPrefix.Length..], out var s) ? s : null;
}
