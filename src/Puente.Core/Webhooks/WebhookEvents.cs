namespace Puente.Core.Webhooks;

/// <summary>
/// The events a webhook subscription may ask for, by their wire names (the <c>X-Puente-Event</c> header and the
/// body's <c>event</c>). Only these are accepted: a subscription names a subset, and an event enqueued under any other
/// name is a bug (docs/webhooks.md).
/// </summary>
public static class WebhookEvents
{
    /// <summary>An early-warning alert was raised.</summary>
    public const string AlertOpened = "alert.opened";

    /// <summary>An open alert changed while its signal persists (new value, severity).</summary>
    public const string AlertUpdated = "alert.updated";

    public const string AlertAcknowledged = "alert.acknowledged";

    public const string AlertResolved = "alert.resolved";

    /// <summary>Dismissed as a false alarm, with a reason.</summary>
    public const string AlertDismissed = "alert.dismissed";

    /// <summary>The longest name (a stored column holds each).</summary>
    public const int NameMaxLength = 40;

    /// <summary>Every event, in the order pages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [AlertOpened, AlertUpdated, AlertAcknowledged, AlertResolved, AlertDismissed];

    /// <summary>Whether <paramref name="name"/> is one of <see cref="All"/> (exactly, lower case).</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);

    /// <summary>The stored form of a set of events: known names, each once, in <see cref="All"/>'s order, comma-joined.</summary>
    public static string Join(IEnumerable<string> names) => string.Join(',', All.Where(names.Contains));

    /// <summary>The events of a stored list (unknown names, which no save writes, are left out).</summary>
    public static IReadOnlyList<string> Split(string stored) =>
        [.. (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(IsKnown).Distinct(StringComparer.Ordinal)];
}
