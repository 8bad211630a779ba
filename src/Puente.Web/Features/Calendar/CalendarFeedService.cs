using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Audit;
using Puente.Core.Commitments;
using Puente.Core.Memory;
using Puente.Data.Access;
using Puente.Data.Calendar;

namespace Puente.Web.Features.Calendar;

/// <summary>
/// A user's calendar feed: its secret (renewed, revoked; only its SHA-256 is stored) and, at each fetch, the account's
/// current viewer and the engagements and commitment due dates it follows, read through the context's access filter
/// (docs/decisions/0053-calendar-feeds.md).
/// </summary>
public sealed class CalendarFeedService(PuenteDbContext db, ViewerContext viewer, TimeProvider time)
{
    /// <summary>Bytes of randomness in a secret (256 bits), written as 43 base64url characters.</summary>
    public const int SecretBytes = 32;

    public const int SecretLength = 43;

    /// <summary>Days before today that the feed still carries (clients keep what they saw), and days ahead.</summary>
    public const int PastDays = 30;

    public const int HorizonDays = 400;

    /// <summary>The most engagements, and the most commitments, one feed carries (the earliest first).</summary>
    public const int MaxEvents = 500;

    /// <summary>Which feed an account has: when its secret was made and its language; null without one.</summary>
    public sealed record Status(DateTimeOffset CreatedAt, string Language);

    /// <summary>What one fetch shows.</summary>
    public sealed record Items(IReadOnlyList<Engagement> Engagements, IReadOnlyList<Commitment> Commitments);

    /// <summary>The account behind a secret, as it is now.</summary>
    public sealed record Account(Viewer Viewer, string Language, string LinkedPosts);

    private string UserId => db.Viewer.UserId ?? throw new InvalidOperationException("A feed belongs to a signed-in user.");

    /// <summary>Whether <paramref name="secret"/> has the form of one (so that anything else is refused before the database).</summary>
    public static bool IsWellFormed(string? secret) =>
        secret is { Length: SecretLength } && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(secret)));

    public async Task<Status?> StatusAsync(CancellationToken ct) =>
        await db.Set<CalendarFeedToken>().AsNoTracking().Where(f => f.UserId == UserId)
            .Select(f => new Status(f.CreatedAt, f.Language)).FirstOrDefaultAsync(ct);

    /// <summary>Makes a new secret (the old one stops working) and returns it: it is shown once and never stored.</summary>
    public async Task<string> RenewAsync(string language, CancellationToken ct)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        var feed = await db.Set<CalendarFeedToken>().FirstOrDefaultAsync(f => f.UserId == UserId, ct);
        if (feed is null)
        {
            db.Add(new CalendarFeedToken { UserId = UserId, TokenHash = Hash(secret), Language = language, CreatedAt = now });
        }
        else
        {
            feed.TokenHash = Hash(secret);
            feed.Language = language;
            feed.CreatedAt = now;
        }

        Audit(feed is null ? "created" : "renewed");
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>Ends the feed; false when there was none.</summary>
    public async Task<bool> RevokeAsync(CancellationToken ct)
    {
        var feed = await db.Set<CalendarFeedToken>().FirstOrDefaultAsync(f => f.UserId == UserId, ct);
        if (feed is null)
        {
            return false;
        }

        db.Remove(feed);
        Audit("revoked");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private void Audit(string what) =>
        db.RecordAccountEvent(AuditAction.UserUpdated, db.Viewer.UserName, db.Viewer.UserId, db.Viewer.UserName,
            after: JsonSerializer.Serialize(new { calendarFeed = what }));

    /// <summary>
    /// The account whose feed this secret is, if it is current and the account may sign in: its viewer is built from the
    /// account as it is now (side, groups, role), never from what it was when the secret was made.
    /// </summary>
    public async Task<Account?> AccountAsync(string secret, CancellationToken ct)
    {
        if (!IsWellFormed(secret))
        {
            return null;
        }

        var hash = Hash(secret);
        // The one read of another user's row: by the hash of the secret the caller holds (the request is anonymous).
        var feed = await db.Set<CalendarFeedToken>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, ct);
        if (feed is null)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == feed.UserId, ct);
        if (user?.UserName is null || (user.LockoutEnd is { } end && end > time.GetUtcNow()))
        {
            return null;
        }

        var isAdministrator = await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator), ct);
        return new Account(Viewer.ForUser(user.Id, user.UserName, user.Side, user.GroupList, isAdministrator), feed.Language, user.Posts);
    }

    /// <summary>Reads the account's feed as the account: from here on the scope's queries are filtered by its access.</summary>
    public async Task<Items> ItemsAsync(Account account, CancellationToken ct)
    {
        viewer.Viewer = account.Viewer;
        var userId = account.Viewer.UserId!;
        var follows = await db.Set<Follow>().AsNoTracking().Where(f => f.UserId == userId)
            .Select(f => new { f.SubjectType, f.SubjectId }).ToListAsync(ct);
        Guid[] Of(FollowSubject s) => [.. follows.Where(f => f.SubjectType == s).Select(f => f.SubjectId)];
        Guid[] engagementIds = Of(FollowSubject.Engagement), commitmentIds = Of(FollowSubject.Commitment), mechanismIds = Of(FollowSubject.Mechanism),
            personIds = Of(FollowSubject.Person), issueIds = Of(FollowSubject.Issue);
        var linked = account.LinkedPosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var postIds = Of(FollowSubject.Post);
        if (linked.Length > 0)
        {
            postIds = [.. postIds.Union(await db.Set<Post>().Where(p => linked.Contains(p.Code)).Select(p => p.Id).ToListAsync(ct))];
        }

        var issueCodes = issueIds.Length == 0 ? [] : await db.AgendaIssues.Where(i => issueIds.Contains(i.Id)).Select(i => i.Code).ToListAsync(ct);
        var now = time.GetUtcNow();
        var from = now.UtcDateTime.AddDays(-PastDays);
        var to = now.UtcDateTime.AddDays(HorizonDays);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstDay = today.AddDays(-PastDays);
        var lastDay = today.AddDays(HorizonDays);

        var engagements = db.Set<Engagement>().AsNoTracking().Where(e => e.EndUtc >= from && e.StartUtc <= to);
        var engagementHits = new HashSet<Guid>();
        if (engagementIds.Length + mechanismIds.Length + personIds.Length + postIds.Length > 0)
        {
            engagementHits.UnionWith(await engagements.Where(e => engagementIds.Contains(e.Id)
                    || (e.MechanismId != null && mechanismIds.Contains(e.MechanismId.Value))
                    || e.Participants.Any(p => (p.PersonId != null && personIds.Contains(p.PersonId.Value))
                        || (p.PostId != null && postIds.Contains(p.PostId.Value))
                        // The post a participant held then (decision 0023): the tenure that covers the engagement's day.
                        || (p.PersonId != null && db.Set<Tenure>().Any(t => t.PersonId == p.PersonId && postIds.Contains(t.PostId)
                            && t.From <= e.StartDate && (t.To == null || t.To > e.StartDate)))))
                .OrderBy(e => e.StartUtc).Select(e => e.Id).Take(MaxEvents).ToListAsync(ct));
        }

        // Posts a followed person holds today own the commitments that person answers for.
        var ownerPosts = postIds;
        if (personIds.Length > 0)
        {
            ownerPosts = [.. ownerPosts.Union(await db.Set<Tenure>()
                .Where(t => personIds.Contains(t.PersonId) && t.From <= today && (t.To == null || t.To > today)).Select(t => t.PostId).ToListAsync(ct))];
        }

        var commitments = db.Set<Commitment>().AsNoTracking().Where(c => c.Due != null && c.Due >= firstDay && c.Due <= lastDay);
        var commitmentHits = new HashSet<Guid>();
        if (commitmentIds.Length + engagementIds.Length + mechanismIds.Length + ownerPosts.Length > 0)
        {
            commitmentHits.UnionWith(await commitments.Where(c => commitmentIds.Contains(c.Id)
                    || (c.EngagementId != null && engagementIds.Contains(c.EngagementId.Value))
                    || (c.MechanismId != null && mechanismIds.Contains(c.MechanismId.Value))
                    || ownerPosts.Contains(c.OwnerMxPostId) || ownerPosts.Contains(c.OwnerUsPostId))
                .OrderBy(c => c.Due).Select(c => c.Id).Take(MaxEvents).ToListAsync(ct));
        }

        foreach (var code in issueCodes)
        {
            var pattern = "%," + code + ",%"; // codes are letters, digits, '-' and '.': nothing LIKE reads as a wildcard
            engagementHits.UnionWith(await engagements.Where(e => EF.Functions.Like(e.IssueCodes, pattern))
                .OrderBy(e => e.StartUtc).Select(e => e.Id).Take(MaxEvents).ToListAsync(ct));
            commitmentHits.UnionWith(await commitments.Where(c => EF.Functions.Like(c.IssueCodes, pattern))
                .OrderBy(c => c.Due).Select(c => c.Id).Take(MaxEvents).ToListAsync(ct));
        }

        Guid[] engagementList = [.. engagementHits], commitmentList = [.. commitmentHits];
        return new Items(
            engagementList.Length == 0 ? [] : await db.Set<Engagement>().AsNoTracking().Where(e => engagementList.Contains(e.Id))
                .OrderBy(e => e.StartUtc).ThenBy(e => e.Id).Take(MaxEvents).ToListAsync(ct),
            commitmentList.Length == 0 ? [] : await db.Set<Commitment>().AsNoTracking().Where(c => commitmentList.Contains(c.Id))
                .OrderBy(c => c.Due).ThenBy(c => c.Id).Take(MaxEvents).ToListAsync(ct));
    }
}
