using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Core.Access;
using Puente.Core.Webhooks;
using Puente.Data.Webhooks;
using Puente.Web.Webhooks;

namespace Puente.Web.Features.Admin.Webhooks;

/// <summary>
/// The administrators' webhook subscriptions, for the pages and the API: every read goes through the access filter
/// (a subscription is Internal to its side, so another side's never appear); every change is audited by the context
/// (without the secret, decision 0034). The secret is made here and returned once, by create and rotate.
/// </summary>
public sealed class WebhookService(PuenteDbContext db, WebhookSecrets secrets, IOptions<WebhookOptions> options, TimeProvider time,
    IStringLocalizer<SharedResource> t)
{
    /// <summary>The readable subscriptions, by name, with their account's name and their latest request.</summary>
    public async Task<List<WebhookDto>> ListAsync(CancellationToken ct)
    {
        var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct);
        var ids = subscriptions.Select(s => s.Id).ToList();
        var lastIds = await db.Set<WebhookAttempt>().Where(a => ids.Contains(a.SubscriptionId))
            .GroupBy(a => a.SubscriptionId).Select(g => g.Max(a => a.Id)).ToListAsync(ct);
        var last = await db.Set<WebhookAttempt>().AsNoTracking().Where(a => lastIds.Contains(a.Id)).ToDictionaryAsync(a => a.SubscriptionId, ct);
        var names = await AccountNamesAsync(subscriptions.Select(s => s.AccountUserId), ct);
        return [.. subscriptions.Select(s => WebhookDto.From(s, names.GetValueOrDefault(s.AccountUserId) ?? "?",
            last.TryGetValue(s.Id, out var a) ? WebhookAttemptDto.From(a) : null))];
    }

    /// <summary>A readable subscription; null when there is none (or it is another side's, which looks the same).</summary>
    public Task<WebhookSubscription?> FindAsync(Guid id, bool track, CancellationToken ct) =>
        (track ? db.Set<WebhookSubscription>() : db.Set<WebhookSubscription>().AsNoTracking()).FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>The subscription as the API shows it.</summary>
    public async Task<WebhookDto> DescribeAsync(WebhookSubscription s, string? secret, CancellationToken ct)
    {
        var name = (await AccountNamesAsync([s.AccountUserId], ct)).GetValueOrDefault(s.AccountUserId) ?? "?";
        var last = await db.Set<WebhookAttempt>().AsNoTracking().Where(a => a.SubscriptionId == s.Id).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        return WebhookDto.From(s, name, last is null ? null : WebhookAttemptDto.From(last), secret);
    }

    /// <summary>Validates and saves a new subscription, Internal to the administrator's side, reading as the administrator;
    /// returns it with its secret (the only time the secret is shown), or the errors by field.</summary>
    public async Task<(WebhookSubscription? Subscription, string? Secret, FieldErrors Errors)> CreateAsync(WebhookInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var viewer = db.Viewer;
        if (viewer.UserId is null || viewer.Side is not { } side)
        {
            errors.Add("", t["Only a signed-in administrator of a side can make a webhook."]);
            return (null, null, errors);
        }

        var name = RecordAccess.Text(input.Name, "name", WebhookSubscription.NameMaxLength, errors, t);
        if (name.Length == 0 && !errors.Has("name"))
        {
            errors.Add("name", t["Required."]);
        }

        var url = input.Url?.Trim() ?? "";
        if (url.Length == 0)
        {
            errors.Add("url", t["Required."]);
        }
        else if (await WebhookConnector.CheckAsync(url, options.Value.Hosts, ct) is { } problem)
        {
            errors.Add("url", t.Localize(problem));
        }

        var events = input.Events ?? [];
        var bad = events.FindIndex(e => !WebhookEvents.IsKnown(e));
        if (events.Count > WebhookEvents.All.Count * 2)
        {
            errors.Add("events", t["At most {0} events.", WebhookEvents.All.Count]);
        }
        else if (bad >= 0)
        {
            var text = events[bad] ?? "";
            errors.Add("events", t["'{0}' is not an event; choose from {1}.", text.Length > 40 ? text[..40] + "…" : text, string.Join(", ", WebhookEvents.All)]);
        }
        else if (events.Count == 0)
        {
            errors.Add("events", t["Choose at least one event."]);
        }

        if (!errors.Any && await db.Set<WebhookSubscription>().CountAsync(s => s.OwnerSide == side, ct) >= WebhookSubscription.MaxPerSide)
        {
            errors.Add("", t["A side keeps at most {0} webhooks; delete one first.", WebhookSubscription.MaxPerSide]);
        }

        if (errors.Any)
        {
            return (null, null, errors);
        }

        var secret = WebhookSecrets.NewSecret();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Code = "WH-" + Guid.NewGuid().ToString("N").ToUpperInvariant(),
            Name = name,
            Url = url,
            Events = WebhookEvents.Join(events),
            AccountUserId = viewer.UserId,
            Enabled = input.Enabled ?? true,
            Confidentiality = Confidentiality.Internal,
            OwnerSide = side,
            SecretCipher = secrets.Protect(secret),
            SecretCreatedAt = time.GetUtcNow(),
        };
        db.Add(subscription);
        await db.SaveChangesAsync(ct);
        return (subscription, secret, errors);
    }

    /// <summary>Switches a (tracked) subscription on or off. Deliveries queued while it is off wait, up to their age limit.</summary>
    public async Task SetEnabledAsync(WebhookSubscription subscription, bool enabled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.Enabled != enabled)
        {
            subscription.Enabled = enabled;
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Gives a (tracked) subscription a new secret and returns it (the only time it is shown); the old one
    /// stops signing at once.</summary>
    public async Task<string> RotateAsync(WebhookSubscription subscription, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var secret = WebhookSecrets.NewSecret();
        subscription.SecretCipher = secrets.Protect(secret);
        subscription.SecretCreatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>Deletes a (tracked) subscription with its queued deliveries and its log (the audit trail keeps that it existed).</summary>
    public async Task DeleteAsync(WebhookSubscription subscription, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        db.Remove(subscription);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One page of a readable subscription's delivery log, newest first, and how many requests it has in all.</summary>
    public async Task<(List<WebhookAttemptDto> Items, int Total)> AttemptsAsync(Guid subscriptionId, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Set<WebhookAttempt>().AsNoTracking().Where(a => a.SubscriptionId == subscriptionId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return ([.. items.Select(WebhookAttemptDto.From)], total);
    }

    private async Task<Dictionary<string, string>> AccountNamesAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "?", ct);
    }
}
