using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Records;
using Puente.Core.Webhooks;

namespace Puente.Data.Webhooks;

/// <summary>The outbox over the <c>WebhookOutbox</c> table: finds the subscriptions an event goes to, checks each one's
/// access to the subject, and adds one delivery per subscription and key.</summary>
public sealed class WebhookOutbox(TimeProvider time) : IWebhookOutbox
{
    /// <summary>How bodies are written: camelCase, enums by name, accented text as UTF-8 (escaping only what HTML and
    /// JSON need).</summary>
    public static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<int> EnqueueAsync(PuenteDbContext db, ContentRecord subject, string eventType, string eventKey, object payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(payload);
        if (!WebhookEvents.IsKnown(eventType))
        {
            throw new ArgumentException($"'{eventType}' is not a webhook event; use one of {string.Join(", ", WebhookEvents.All)}.", nameof(eventType));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(eventKey);
        if (eventKey.Length > WebhookDelivery.KeyMaxLength)
        {
            throw new ArgumentException($"At most {WebhookDelivery.KeyMaxLength} characters, not {eventKey.Length}.", nameof(eventKey));
        }

        if (subject.Id == Guid.Empty)
        {
            throw new ArgumentException("The subject has no id yet; give a new record its id before queuing events about it.", nameof(subject));
        }

        var subjectType = subject.GetType().Name;
        var now = time.GetUtcNow();
        var body = JsonSerializer.Serialize(new WebhookBody(eventType, eventKey, now, new WebhookSubject(subjectType, subject.Id), payload), BodyJson);
        var bytes = Encoding.UTF8.GetByteCount(body);
        if (bytes > WebhookDelivery.PayloadMaxBytes)
        {
            throw new ArgumentException($"The body has {bytes} bytes of UTF-8; at most {WebhookDelivery.PayloadMaxBytes}.", nameof(payload));
        }

        // Every unit of work may queue events, but subscriptions are read by their side's administrators only: the ones
        // an event goes to are found past the filter.
        var subscriptions = (await db.Set<WebhookSubscription>().IgnoreQueryFilters().AsNoTracking().Where(s => s.Enabled)
                .Select(s => new { s.Id, s.Events, s.AccountUserId, s.OwnerSide }).ToListAsync(ct))
            .Where(s => WebhookEvents.Split(s.Events).Contains(eventType, StringComparer.Ordinal)).ToList();
        if (subscriptions.Count == 0)
        {
            return 0;
        }

        var queued = (await db.Set<WebhookDelivery>().IgnoreQueryFilters().Where(d => d.EventKey == eventKey).Select(d => d.SubscriptionId).ToListAsync(ct))
            .Concat(db.ChangeTracker.Entries<WebhookDelivery>().Where(e => e.Entity.EventKey == eventKey).Select(e => e.Entity.SubscriptionId))
            .ToHashSet();
        var accountIds = subscriptions.Select(s => s.AccountUserId).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => accountIds.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.Side, u.Groups, u.LockoutEnd }).ToDictionaryAsync(u => u.Id, ct);
        var grants = await GrantsAsync(db, subject is RecordPart part ? part.ParentId : subject.Id, ct);
        var added = 0;
        foreach (var s in subscriptions)
        {
            if (queued.Contains(s.Id) || !accounts.TryGetValue(s.AccountUserId, out var a)
                // A locked account reads nothing; an account moved to another side no longer speaks for this one.
                || (a.LockoutEnd is { } end && end > now) || a.Side != s.OwnerSide)
            {
                continue;
            }

            var viewer = Viewer.ForUser(a.Id, a.UserName ?? "", a.Side,
                a.Groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), isAdministrator: false);
            if (!viewer.CanRead(subject.Confidentiality, subject.OwnerSide, grants))
            {
                continue;
            }

            db.Add(new WebhookDelivery
            {
                Id = Guid.CreateVersion7(now),
                SubscriptionId = s.Id,
                EventType = eventType,
                EventKey = eventKey,
                SubjectType = subjectType,
                SubjectId = subject.Id,
                Payload = body,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            added++;
        }

        return added;
    }

    /// <summary>The record's grants as this unit of work will save them: stored ones, less those it removes, and those it adds.</summary>
    private static async Task<List<string>> GrantsAsync(PuenteDbContext db, Guid recordId, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<RecordGrant>().Where(e => e.Entity.RecordId == recordId).ToList();
        var removed = tracked.Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToHashSet();
        var stored = await db.RecordGrants.AsNoTracking().Where(g => g.RecordId == recordId).Select(g => new { g.Id, g.Principal }).ToListAsync(ct);
        return [.. stored.Where(g => !removed.Contains(g.Id)).Select(g => g.Principal),
            .. tracked.Where(e => e.State == EntityState.Added).Select(e => e.Entity.Principal)];
    }

    private sealed record WebhookBody(string Event, string Key, DateTimeOffset OccurredAt, WebhookSubject Subject, object Data);

    private sealed record WebhookSubject(string Type, Guid Id);
}
