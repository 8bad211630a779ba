using Microsoft.EntityFrameworkCore;
using Puente.Core.Commitments;
using Puente.Core.Health;
using Puente.Core.Memory;

namespace Puente.Data.Health;

/// <summary>
/// What mechanism health and the institutionalization index are computed from, aggregated in the database: days,
/// counts and codes, never one object per engagement or commitment (decision 0047). Every query goes through the
/// context's access filter, so a session, participant or commitment the viewer cannot read does not count.
/// </summary>
public static class HealthQueries
{
    /// <summary>The terms of the administrations the viewer can read, by start.</summary>
    public static async Task<IReadOnlyList<AdministrationTerm>> AdministrationTermsAsync(this PuenteDbContext db, CancellationToken cancellationToken) =>
        await db.Administrations.AsNoTracking().OrderBy(a => a.TermStart).ThenBy(a => a.Code)
            .Select(a => new AdministrationTerm(a.Code, a.Country, a.TermStart, a.TermEnd)).ToListAsync(cancellationToken);

    /// <summary>The start days of a mechanism's readable sessions (its engagements), ascending, one per session.</summary>
    public static async Task<IReadOnlyList<DateOnly>> SessionDaysAsync(this PuenteDbContext db, Guid mechanismId, CancellationToken cancellationToken) =>
        await db.Set<Engagement>().AsNoTracking().Where(e => e.MechanismId == mechanismId).OrderBy(e => e.StartDate).Select(e => e.StartDate)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The given commitments, made on or before <paramref name="day"/>, counted by their status on that day: the status
    /// of the last change dated on or before it (by date, then order recorded), not started before any. A commitment
    /// whose latest change is on or before the day has its current status (the record keeps it), so only those changed
    /// later look into their history.
    /// </summary>
    public static async Task<CommitmentOutcomes> OutcomesOnAsync(IQueryable<Commitment> commitments, DateOnly day, CancellationToken cancellationToken)
    {
        var rows = await commitments.Where(c => c.MadeOn <= day)
            .Select(c => c.StatusDate <= day
                ? c.Status
                : c.Changes.Where(x => x.Date <= day).OrderByDescending(x => x.Date).ThenByDescending(x => x.Sequence)
                    .Select(x => (CommitmentStatus?)x.Status).FirstOrDefault() ?? CommitmentStatus.NotStarted)
            .GroupBy(s => s).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return CommitmentOutcomes.From(rows.Select(r => (r.Status, r.Count)));
    }

    /// <summary>A mechanism's commitments made on or before the day, by their status on it.</summary>
    public static Task<CommitmentOutcomes> MechanismCommitmentsAsync(this PuenteDbContext db, Guid mechanismId, DateOnly day, CancellationToken cancellationToken) =>
        OutcomesOnAsync(db.Set<Commitment>().AsNoTracking().Where(c => c.MechanismId == mechanismId), day, cancellationToken);

    /// <summary>
    /// How many of the <paramref name="engagements"/> (those of the window) were held at head-of-state level, per day: a
    /// summit, or a participant at that level — a delegation of that seniority, a post of that seniority, or a person who
    /// held such a post that day (from the tenures, as the engagement's page finds it). A participant naming a person or
    /// post the reader cannot read is left out, as on the engagement's page.
    /// </summary>
    /// <remarks>
    /// Each way is read from its small side, not by testing every participant of the window: head-of-state delegations
    /// by the participants' seniority index, head-of-state posts (a few) by the post index, and the people who held one
    /// (a president a term) by the person index, their terms checked against the day here. A correlated test per
    /// participant read a busy person's many tenures once per participation (docs/benchmarks.md).
    /// </remarks>
    private static async Task<Dictionary<DateOnly, int>> AtHeadOfStateAsync(PuenteDbContext db, IQueryable<Engagement> engagements, DateOnly windowStart,
        DateOnly last, CancellationToken cancellationToken)
    {
        var readable = db.Set<Participant>().Where(p => (p.PersonId == null || p.Person != null) && (p.PostId == null || p.Post != null));
        var summits = await engagements.Where(e => e.Kind == EngagementKind.Summit).Select(e => new { e.Id, e.StartDate }).ToListAsync(cancellationToken);
        var delegations = await (from p in readable
                                 where p.Seniority == Seniority.HeadOfState
                                 join e in engagements on p.ParentId equals e.Id
                                 select new { e.Id, e.StartDate }).ToListAsync(cancellationToken);
        var posts = await db.Set<Post>().Where(x => x.Seniority == Seniority.HeadOfState).Select(x => x.Id).ToListAsync(cancellationToken);
        // The seniority is tested here, not in SQL: "Seniority IS NULL" would look like a selective index search to SQLite.
        var inPosts = posts.Count == 0
            ? []
            : (await (from p in readable
                      where p.PostId != null && posts.Contains(p.PostId.Value)
                      join e in engagements on p.ParentId equals e.Id
                      select new { e.Id, e.StartDate, p.Seniority }).ToListAsync(cancellationToken))
                .Where(r => r.Seniority is null).Select(r => new { r.Id, r.StartDate }).ToList();
        var terms = (await db.Set<Tenure>().AsNoTracking()
                .Where(t => t.Post != null && t.Post.Seniority == Seniority.HeadOfState && t.From <= last && (t.To == null || t.To > windowStart))
                .Select(t => new { t.PersonId, t.From, t.To }).ToListAsync(cancellationToken))
            .ToLookup(t => t.PersonId);
        var people = terms.Select(g => g.Key).ToList();
        var asPeople = people.Count == 0
            ? []
            : (await (from p in readable
                      where p.PersonId != null && people.Contains(p.PersonId.Value)
                      join e in engagements on p.ParentId equals e.Id
                      select new { e.Id, e.StartDate, Person = p.PersonId!.Value, p.PostId, p.Seniority }).ToListAsync(cancellationToken))
                .Where(r => r.PostId is null && r.Seniority is null && terms[r.Person].Any(t => t.From <= r.StartDate && (t.To is null || r.StartDate < t.To)))
                .Select(r => new { r.Id, r.StartDate }).ToList();
        return summits.Concat(delegations).Concat(inPosts).Concat(asPeople).Distinct().GroupBy(e => e.StartDate).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>
    /// The facts of the index for the given as-of days (one, or a series), for the whole relationship or for one track
    /// (engagements that carry it, mechanisms of it, commitments of its mechanisms or engagements).
    /// </summary>
    public static async Task<IndexFacts> IndexFactsAsync(this PuenteDbContext db, IReadOnlyCollection<DateOnly> days, string? track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        var last = days.Max();
        var windowStart = MechanismHealth.WindowStart(days.Min());
        var pattern = track is null ? null : "," + track + ",";
        var engagements = db.Set<Engagement>().AsNoTracking().Where(e => e.StartDate > windowStart && e.StartDate <= last);
        if (pattern is not null)
        {
            engagements = engagements.Where(e => e.TrackCodes.Contains(pattern));
        }

        var all = await engagements.GroupBy(e => e.StartDate).Select(g => new { Date = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var atHead = await AtHeadOfStateAsync(db, engagements, windowStart, last, cancellationToken);
        var engagementDays = all.OrderBy(r => r.Date).Select(r => new EngagementDay(r.Date, r.Count, atHead.GetValueOrDefault(r.Date))).ToList();

        List<TrackDay> trackDays = [];
        var trackCount = 0;
        if (track is null)
        {
            var tracks = db.Tracks.AsNoTracking();
            trackDays = [.. (await (from e in engagements
                        from t in tracks
                        where e.TrackCodes.Contains("," + t.Code + ",")
                        group e by new { t.Code, e.StartDate } into g
                        select new { g.Key.Code, g.Key.StartDate, Count = g.Count() }).ToListAsync(cancellationToken))
                .Select(r => new TrackDay(r.Code, r.StartDate, r.Count))];
            trackCount = await tracks.CountAsync(cancellationToken);
        }

        var mechanisms = db.Mechanisms.AsNoTracking();
        if (track is not null)
        {
            mechanisms = mechanisms.Where(m => m.Track != null && m.Track.Code == track);
        }

        var catalog = await mechanisms.Select(m => new { m.Id, m.Code, m.Cadence }).ToListAsync(cancellationToken);
        var sessionDays = (await (from e in db.Set<Engagement>().AsNoTracking()
                    join m in mechanisms on e.MechanismId equals m.Id
                    where e.StartDate <= last
                    select new { m.Id, e.StartDate }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(r => r.Id, r => r.StartDate);
        var withSessions = catalog.OrderBy(m => m.Code, StringComparer.Ordinal)
            .Select(m => new MechanismSessions(m.Code, m.Cadence, [.. sessionDays[m.Id].Order()])).ToList();

        var outcomes = new Dictionary<DateOnly, CommitmentOutcomes>();
        var commitments = db.Set<Commitment>().AsNoTracking().Where(c => c.Due != null);
        if (pattern is not null)
        {
            commitments = commitments.Where(c => (c.Mechanism != null && c.Mechanism.Track != null && c.Mechanism.Track.Code == track)
                || (c.Engagement != null && c.Engagement.TrackCodes.Contains(pattern)));
        }

        // One grouped count per as-of day; for a series, none at all when nothing is due in the whole range.
        if (days.Count == 1 || await commitments.AnyAsync(c => c.Due > windowStart && c.Due <= last, cancellationToken))
        {
            foreach (var day in days.Distinct())
            {
                var from = MechanismHealth.WindowStart(day);
                outcomes[day] = await OutcomesOnAsync(commitments.Where(c => c.Due > from && c.Due <= day), day, cancellationToken);
            }
        }

        return new IndexFacts
        {
            Days = engagementDays,
            TrackDays = trackDays,
            TrackCount = trackCount,
            Mechanisms = withSessions,
            Administrations = await db.AdministrationTermsAsync(cancellationToken),
            CommitmentsDue = outcomes,
        };
    }
}
