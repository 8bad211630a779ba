using Microsoft.EntityFrameworkCore;
using Puente.Data.Notifications;

namespace Puente.Web.Features.Notifications;

/// <summary>
/// The signed-in reader's notifications, as the page, the badge and the API show them: their own only (the context's
/// filter, and said again here), rendered by each kind's <see cref="INotificationSource"/> through the reader's access,
/// so that one whose record the reader can no longer read is not shown (nor counted, nor marked).
/// </summary>
public sealed class NotificationFeed(PuenteDbContext db, IEnumerable<INotificationSource> sources, TimeProvider time)
{
    /// <summary>The most notifications read, newest first; older ones are not shown (the list stays one page).</summary>
    public const int MaxShown = 200;

    public sealed record Item(Guid Id, string Kind, Guid RecordId, string Occasion, string Title, string Url, DateTimeOffset Created, bool Read);

    private string? UserId => db.Viewer.UserId;

    /// <summary>The reader's readable notifications, newest first.</summary>
    public async Task<IReadOnlyList<Item>> ListAsync(bool unreadOnly, CancellationToken ct)
    {
        if (UserId is not { } me)
        {
            return [];
        }

        var rows = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == me && (!unreadOnly || n.ReadAt == null))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(MaxShown)
            .ToListAsync(ct);
        var described = await DescribeAsync(rows.Select(n => (n.Kind, n.RecordId)), ct);
        return [.. rows.Where(n => described.ContainsKey((n.Kind, n.RecordId))).Select(n =>
        {
            var (title, url) = described[(n.Kind, n.RecordId)];
            return new Item(n.Id, n.Kind, n.RecordId, n.Occasion, title, url, n.CreatedAt, n.ReadAt is not null);
        })];
    }

    /// <summary>How many unread notifications the reader can read: one query when there are none, and one more per
    /// kind that has some.</summary>
    public async Task<int> CountUnreadAsync(CancellationToken ct)
    {
        if (UserId is not { } me)
        {
            return 0;
        }

        var unread = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == me && n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt)
            .Take(MaxShown)
            .Select(n => new { n.Kind, n.RecordId })
            .ToListAsync(ct);
        if (unread.Count == 0)
        {
            return 0;
        }

        var described = await DescribeAsync(unread.Select(n => (n.Kind, n.RecordId)), ct);
        return unread.Count(n => described.ContainsKey((n.Kind, n.RecordId)));
    }

    /// <summary>Marks one of the reader's notifications read; false when it is not theirs or its record is not readable
    /// to them (it looks missing).</summary>
    public async Task<bool> MarkReadAsync(Guid id, CancellationToken ct)
    {
        if (UserId is not { } me
            || await db.Set<Notification>().FirstOrDefaultAsync(n => n.Id == id && n.UserId == me, ct) is not { } notification
            || !(await DescribeAsync([(notification.Kind, notification.RecordId)], ct)).ContainsKey((notification.Kind, notification.RecordId)))
        {
            return false;
        }

        notification.ReadAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Marks all the reader's notifications read; returns how many were unread.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct)
    {
        if (UserId is not { } me)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        return await db.Set<Notification>().Where(n => n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    /// <summary>Asks each kind's source about its records once; kinds without a source describe nothing.</summary>
    private async Task<Dictionary<(string Kind, Guid RecordId), (string Title, string Url)>> DescribeAsync(
        IEnumerable<(string Kind, Guid RecordId)> notifications, CancellationToken ct)
    {
        var result = new Dictionary<(string, Guid), (string, string)>();
        foreach (var kind in notifications.GroupBy(n => n.Kind, n => n.RecordId, StringComparer.Ordinal))
        {
            if (sources.FirstOrDefault(s => string.Equals(s.Kind, kind.Key, StringComparison.Ordinal)) is not { } source)
            {
                continue;
            }

            foreach (var (id, text) in await source.DescribeAsync([.. kind.Distinct()], ct))
            {
                result[(kind.Key, id)] = text;
            }
        }

        return result;
    }
}
