using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Audit;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Localization;
using Puente.Core.Memory;
using Puente.Core.Records;
using Puente.Data.Calendar;

namespace Puente.Web.Features.Calendar;

/// <summary>
/// The signed-in user's follows: what they list, add and remove. A subject is followed only when the user can read it
/// now (through the context's filter); an unreadable one is "not found", exactly as one that does not exist. Each
/// change is an account event in the audit trail naming the subject's kind and id only
/// (docs/decisions/0053-calendar-feeds.md).
/// </summary>
public sealed class FollowService(PuenteDbContext db, TimeProvider time)
{
    /// <summary>One follow as its owner sees it; <paramref name="Title"/> and <paramref name="Url"/> are null when the
    /// subject can no longer be read (or no longer exists).</summary>
    public sealed record Item(FollowSubject Type, Guid Id, string? Code, string? Title, string? Url, DateTimeOffset Created);

    public enum Outcome
    {
        Added,
        AlreadyFollowed,
        NotFound,
        TooMany,
    }

    /// <summary>A subject type named in a URL or body ("engagement", "Issue"); numbers are not names.</summary>
    public static bool TryParseType(string? text, out FollowSubject type)
    {
        type = default;
        return text is { Length: > 0 and <= 16 } && !char.IsAsciiDigit(text[0]) && !text.StartsWith('-')
            && Enum.TryParse(text, ignoreCase: true, out type) && Enum.IsDefined(type);
    }

    /// <summary>The page of a subject (ids, except issues, whose pages are by code).</summary>
    public static string UrlOf(FollowSubject type, Guid id, string code) => type switch
    {
        FollowSubject.Engagement => $"/Engagements/Details/{id}",
        FollowSubject.Commitment => $"/Commitments/Details/{id}",
        FollowSubject.Mechanism => $"/Mechanisms/Details/{id}",
        FollowSubject.Post => $"/Posts/Details/{id}",
        FollowSubject.Person => $"/People/Details/{id}",
        _ => $"/Issues/{code}",
    };

    private string UserId => db.Viewer.UserId ?? throw new InvalidOperationException("Follows belong to a signed-in user.");

    public Task<bool> IsFollowedAsync(FollowSubject type, Guid id, CancellationToken ct) =>
        db.Set<Follow>().AnyAsync(f => f.UserId == UserId && f.SubjectType == type && f.SubjectId == id, ct);

    /// <summary>The user's follows, newest first, each with its subject's title when it is readable.</summary>
    public async Task<IReadOnlyList<Item>> ListAsync(CultureInfo culture, CancellationToken ct)
    {
        var follows = await db.Set<Follow>().AsNoTracking().Where(f => f.UserId == UserId)
            .OrderByDescending(f => f.CreatedAt).ThenBy(f => f.Id).ToListAsync(ct);
        var titles = new Dictionary<(FollowSubject, Guid), (string Code, string Title)>();
        foreach (var group in follows.GroupBy(f => f.SubjectType))
        {
            var ids = group.Select(f => f.SubjectId).ToList();
            var found = group.Key switch
            {
                FollowSubject.Engagement => await TitlesAsync(db.Set<Engagement>(), ids, ct),
                FollowSubject.Commitment => await TitlesAsync(db.Set<Commitment>(), ids, ct),
                FollowSubject.Mechanism => await TitlesAsync(db.Set<Mechanism>(), ids, ct),
                FollowSubject.Post => await TitlesAsync(db.Set<Post>(), ids, ct),
                FollowSubject.Person => await TitlesAsync(db.Set<Person>(), ids, ct),
                _ => await TitlesAsync(db.Set<AgendaIssue>(), ids, ct),
            };
            foreach (var t in found)
            {
                titles[(group.Key, t.Id)] = (t.Code, Bilingual.Pick(t.NameEn, t.NameEs, culture));
            }
        }

        return [.. follows.Select(f => titles.TryGetValue((f.SubjectType, f.SubjectId), out var t)
            ? new Item(f.SubjectType, f.SubjectId, t.Code, t.Title, UrlOf(f.SubjectType, f.SubjectId, t.Code), f.CreatedAt)
            : new Item(f.SubjectType, f.SubjectId, null, null, null, f.CreatedAt))];
    }

    /// <summary>Follows the subject with this id or code if the user can read it; the id followed comes back.</summary>
    public async Task<(Outcome Outcome, Guid Id)> AddAsync(FollowSubject type, string idOrCode, CancellationToken ct)
    {
        if (idOrCode.Length is 0 or > 100 || await ReadableIdAsync(type, idOrCode, ct) is not { } id)
        {
            return (Outcome.NotFound, Guid.Empty);
        }

        if (await IsFollowedAsync(type, id, ct))
        {
            return (Outcome.AlreadyFollowed, id);
        }

        if (await db.Set<Follow>().CountAsync(f => f.UserId == UserId, ct) >= Follow.MaxPerUser)
        {
            return (Outcome.TooMany, id);
        }

        var now = time.GetUtcNow();
        db.Add(new Follow { Id = Guid.CreateVersion7(now), UserId = UserId, SubjectType = type, SubjectId = id, CreatedAt = now });
        Audit(AuditAction.Created, type, id);
        await db.SaveChangesAsync(ct); // a concurrent duplicate fails on the unique index: 409
        return (Outcome.Added, id);
    }

    /// <summary>Stops following; false when the user did not follow it.</summary>
    public async Task<bool> RemoveAsync(FollowSubject type, Guid id, CancellationToken ct)
    {
        var follow = await db.Set<Follow>().FirstOrDefaultAsync(f => f.UserId == UserId && f.SubjectType == type && f.SubjectId == id, ct);
        if (follow is null)
        {
            return false;
        }

        db.Remove(follow);
        Audit(AuditAction.Deleted, type, id);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private void Audit(AuditAction action, FollowSubject type, Guid id)
    {
        var follow = JsonSerializer.Serialize(new { follow = type.ToString(), id });
        db.RecordAccountEvent(action, db.Viewer.UserName, db.Viewer.UserId, db.Viewer.UserName,
            before: action == AuditAction.Deleted ? follow : null, after: action == AuditAction.Created ? follow : null);
    }

    private Task<Guid?> ReadableIdAsync(FollowSubject type, string idOrCode, CancellationToken ct) => type switch
    {
        FollowSubject.Engagement => IdAsync(db.Set<Engagement>(), idOrCode, ct),
        FollowSubject.Commitment => IdAsync(db.Set<Commitment>(), idOrCode, ct),
        FollowSubject.Mechanism => IdAsync(db.Set<Mechanism>(), idOrCode, ct),
        FollowSubject.Post => IdAsync(db.Set<Post>(), idOrCode, ct),
        FollowSubject.Person => IdAsync(db.Set<Person>(), idOrCode, ct),
        _ => IdAsync(db.Set<AgendaIssue>(), idOrCode, ct),
    };

    private static Task<Guid?> IdAsync<T>(IQueryable<T> records, string idOrCode, CancellationToken ct)
        where T : ContentRecord =>
        RecordLookup.Matching(records, idOrCode).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);

    private sealed record Titled(Guid Id, string Code, string NameEn, string NameEs);

    private static Task<List<Titled>> TitlesAsync<T>(IQueryable<T> records, List<Guid> ids, CancellationToken ct)
        where T : BilingualRecord =>
        records.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new Titled(r.Id, r.Code, r.NameEn, r.NameEs)).ToListAsync(ct);
}
