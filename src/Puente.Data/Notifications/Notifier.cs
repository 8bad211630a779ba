using Microsoft.EntityFrameworkCore;

namespace Puente.Data.Notifications;

/// <summary>Adds notifications in the caller's unit of work, at most one per user, kind, record and occasion.</summary>
public sealed class Notifier(TimeProvider time)
{
    /// <summary>
    /// Adds a notification to <paramref name="db"/> (not saved: the caller saves it with its own change). Returns false
    /// when the same one (user, kind, record, occasion) already exists, saved or added to this context.
    /// </summary>
    /// <exception cref="ArgumentException">An empty value, or a kind or occasion longer than 40 characters.</exception>
    public async Task<bool> NotifyAsync(PuenteDbContext db, string userId, string kind, Guid recordId, string occasion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Check(kind, nameof(kind));
        Check(occasion, nameof(occasion));
        if (db.ChangeTracker.Entries<Notification>().Any(e => e.Entity.UserId == userId && e.Entity.Kind == kind
                && e.Entity.RecordId == recordId && e.Entity.Occasion == occasion)
            // Whoever's unit of work this is, the uniqueness is over every user's notifications.
            || await db.Set<Notification>().IgnoreQueryFilters()
                .AnyAsync(n => n.UserId == userId && n.Kind == kind && n.RecordId == recordId && n.Occasion == occasion, ct))
        {
            return false;
        }

        var now = time.GetUtcNow();
        db.Add(new Notification { Id = Guid.CreateVersion7(now), UserId = userId, Kind = kind, RecordId = recordId, Occasion = occasion, CreatedAt = now });
        return true;
    }

    private static void Check(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Length > Notification.KindMaxLength)
        {
            throw new ArgumentException($"At most {Notification.KindMaxLength} characters, not {value.Length}.", name);
        }
    }
}
