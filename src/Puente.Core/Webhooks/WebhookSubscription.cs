using Puente.Core.Records;

namespace Puente.Core.Webhooks;

/// <summary>
/// An administrator's order to POST chosen events to an address, signed with a secret only the receiver and Puente
/// know (docs/webhooks.md, docs/decisions/0034-webhooks.md). It is a content record — audited, and filtered by access —
/// always <see cref="Access.Confidentiality.Internal"/> to the side of the administrator who made it: another side's
/// administrators never see it, its deliveries or its history. Deliveries read as <see cref="AccountUserId"/>: an event
/// goes out only about a record that account may read.
/// </summary>
public sealed class WebhookSubscription : ContentRecord
{
    public const int NameMaxLength = 100;

    /// <summary>The longest address, in characters.</summary>
    public const int UrlMaxLength = 500;

    /// <summary>The stored event list: every known event, comma-joined, fits.</summary>
    public const int EventsMaxLength = 200;

    /// <summary>As Identity keys its users.</summary>
    public const int AccountMaxLength = 450;

    /// <summary>The stored ciphertext of the secret (Data Protection's output for a 43-character secret is far shorter).</summary>
    public const int SecretCipherMaxLength = 1000;

    /// <summary>The most subscriptions one side keeps.</summary>
    public const int MaxPerSide = 50;

    /// <summary>What the administrators call it (one line).</summary>
    public string Name { get; set; } = "";

    /// <summary>Where deliveries are POSTed: absolute http or https (checked against the address policy, <see cref="WebhookAddress"/>).</summary>
    public string Url { get; set; } = "";

    /// <summary>The events it wants, as <see cref="WebhookEvents.Join"/> stores them.</summary>
    public string Events { get; set; } = "";

    /// <summary>The account whose access decides what it is sent: the administrator who made it.</summary>
    public string AccountUserId { get; set; } = "";

    /// <summary>Off, nothing is sent (queued deliveries wait, up to their age limit).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The signing secret, encrypted (ASP.NET Core Data Protection). Never shown after it was made, never
    /// logged, never in the audit trail.</summary>
    [Secret]
    public string SecretCipher { get; set; } = "";

    /// <summary>When the secret was last made (at creation, then by each rotation): what the history shows of it.</summary>
    public DateTimeOffset SecretCreatedAt { get; set; }

    public override string Label => Name;

    /// <summary>Whether it asks for <paramref name="eventName"/>.</summary>
    public bool Wants(string eventName) => WebhookEvents.Split(Events).Contains(eventName, StringComparer.Ordinal);
}
