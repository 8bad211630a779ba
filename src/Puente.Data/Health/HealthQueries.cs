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

        var dayRows = await engagements
            .Select(e => new { e.StartDate, Head = e.Kind == EngagementKind.Summit || db.Set<Participant>().Any(p => p.ParentId == e.Id
                // A participant naming a person or post the reader cannot read is left out, as on the engagement's page.
                && (p.PersonId == null || p.Person != null) && (p.PostId == null || p.Post != null)
                && (p.Seniority == Seniority.HeadOfState
                    || (p.Seniority == null && p.Post != null && p.Post.Seniority == Seniority.HeadOfState)
                    || (p.Seniority == null && p.PostId == null && db.Set<Tenure>().Any(t => t.PersonId == p.PersonId
                        && t.From <= e.StartDate && (t.To == null || t.To > e.StartDate) && t.Post != null && t.Post.Seniority == Seniority.HeadOfState)))) })
            .GroupBy(x => new { x.StartDate, x.Head }).Select(g => new { g.Key.StartDate, g.Key.Head, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var engagementDays = dayRows.GroupBy(r => r.StartDate).OrderBy(g => g.Key)
            .Select(g => new EngagementDay(g.Key, g.Sum(r => r.Count), g.Where(r => r.Head).Sum(r => r.Count))).ToList();

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

        // One grouped count per as-of day, and none at all when nothing is due in the whole range.
        if (await commitments.AnyAsync(c => c.Due > windowStart && c.Due <= last, cancellationToken))
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
