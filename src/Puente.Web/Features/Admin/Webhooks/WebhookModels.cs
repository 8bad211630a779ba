using System.Text.Json.Serialization;
using Puente.Core.Webhooks;
using Puente.Data.Webhooks;

namespace Puente.Web.Features.Admin.Webhooks;

/// <summary>A new subscription as an administrator enters it (form and API body). <see cref="Events"/> names
/// <see cref="WebhookEvents.All"/>; the URL must pass the address policy.</summary>
public sealed class WebhookInput
{
    public string? Name { get; set; }

    public string? Url { get; set; }

    public List<string>? Events { get; set; }

    /// <summary>On unless false.</summary>
    public bool? Enabled { get; set; }
}

/// <summary>A subscription as administrators read it. The secret appears once: in the answer that makes it
/// (<see cref="Secret"/>, otherwise left out).</summary>
public sealed record WebhookDto(Guid Id, string Name, string Url, IReadOnlyList<string> Events, bool Enabled, string Side, string Account,
    DateTimeOffset Created, string CreatedBy, DateTimeOffset SecretCreated, int Version, WebhookAttemptDto? LastAttempt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null)
{
    public static WebhookDto From(WebhookSubscription s, string account, WebhookAttemptDto? last, string? secret = null) =>
        new(s.Id, s.Name, s.Url, WebhookEvents.Split(s.Events), s.Enabled, s.OwnerSide.ToString(), account, s.CreatedAt, s.CreatedBy, s.SecretCreatedAt,
            s.Version, last, secret);
}

/// <summary>A new secret, shown this once.</summary>
public sealed record WebhookSecretDto(Guid Id, string Secret, DateTimeOffset SecretCreated);

/// <summary>One request of the delivery log: which delivery (the <c>X-Puente-Delivery</c> header), its event, the
/// request's number among the delivery's requests, what the receiver answered or why there was no answer.</summary>
public sealed record WebhookAttemptDto(long Id, Guid DeliveryId, string Event, string Key, int Attempt, DateTimeOffset At, int? StatusCode,
    string? Error, int DurationMs, bool Succeeded)
{
    public static WebhookAttemptDto From(WebhookAttempt a) =>
        new(a.Id, a.DeliveryId, a.EventType, a.EventKey, a.Number, a.At, a.StatusCode, a.Error, a.DurationMs, a.Succeeded);
}

/// <summary>What the actions partial needs: the subscription, and whether it is shown on its details page (the
/// actions then come back there).</summary>
public sealed record WebhookActions(WebhookDto Hook, bool OnDetails)
{
    public string? From => OnDetails ? "details" : null;
}
