using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Commitments;
using Puente.Core.Localization;
using Puente.Core.Memory;
using Puente.Core.Records;
using Puente.Events;
using Puente.Events.Measures;
using Puente.Events.Store;
using Puente.Web.Features.Engagements;

namespace Puente.Web.Features.Timelines;

/// <summary>
/// The timelines of an actor, a person, a post, a mechanism and an agenda issue: their readable engagements, oldest
/// first, filtered by period and kind (the engagement list's own filters, so both answer alike). Beside each session on a
/// mechanism's timeline, the GDELT USA–MEX picture of the <see cref="WindowDays"/> days before it and after it.
/// </summary>
public sealed class TimelineService(PuenteDbContext db, EngagementService engagements, EventQueries events)
{
    /// <summary>Days before the start and after the end of a session whose events are summed.</summary>
    public const int WindowDays = 30;

    /// <summary>The most commitments and status changes one timeline lists.</summary>
    public const int MaxLedgerEntries = 500;

    private static readonly Dyad UsaMex = new("USA", "MEX", Directed: false);

    /// <summary>The subject's id, code and name, or null when the reader cannot read it.</summary>
    public async Task<(Guid Id, string Code, string Name)?> SubjectAsync(TimelineSubject subject, string idOrCode, CultureInfo culture,
        CancellationToken cancellationToken)
    {
        BilingualRecord? record = subject switch
        {
            TimelineSubject.Actor => await RecordLookup.FindAsync(db.Actors.AsNoTracking(), idOrCode, cancellationToken),
            TimelineSubject.Person => await RecordLookup.FindAsync(db.Set<Person>().AsNoTracking(), idOrCode, cancellationToken),
            TimelineSubject.Post => await RecordLookup.FindAsync(db.Set<Post>().AsNoTracking(), idOrCode, cancellationToken),
            TimelineSubject.Mechanism => await RecordLookup.FindAsync(db.Mechanisms.AsNoTracking(), idOrCode, cancellationToken),
            TimelineSubject.Issue => await RecordLookup.FindAsync(db.AgendaIssues.AsNoTracking(), idOrCode, cancellationToken),
            _ => null,
        };
        return record is null ? null : (record.Id, record.Code, Bilingual.Pick(record.NameEn, record.NameEs, culture));
    }

    /// <summary>One page of the subject's timeline; the filter's own problems come back as field errors.</summary>
    public async Task<(TimelineResponse? Timeline, FieldErrors Errors)> TimelineAsync(TimelineSubject subject, (Guid Id, string Code, string Name) of,
        EngagementFilter filter, int page, int pageSize, CultureInfo culture, CancellationToken cancellationToken)
    {
        switch (subject)
        {
            case TimelineSubject.Actor: filter.Actor = of.Code; break;
            case TimelineSubject.Person: filter.Person = of.Code; break;
            case TimelineSubject.Post: filter.Post = of.Code; break;
            case TimelineSubject.Mechanism: filter.Mechanism = of.Code; break;
            case TimelineSubject.Issue: filter.Issue = of.Code; break;
        }

        var errors = await engagements.PrepareAsync(filter, cancellationToken);
        if (errors.Any)
        {
            return (null, errors);
        }

        filter.Ascending = true;
        var (list, total) = await engagements.SearchAsync(filter, page, pageSize, cancellationToken);
        var items = list.Select(e => Item(e, culture)).ToList();
        DateOnly? asOf = null;
        var unavailable = false;
        if (subject == TimelineSubject.Mechanism && list.Count > 0)
        {
            try
            {
                asOf = await events.DataAsOfAsync(cancellationToken);
                items = await WithEventsAsync(list, items, cancellationToken);
            }
            catch (Exception ex) when (ex is EventStoreBusyException or EventStoreFormatException)
            {
                unavailable = true;
            }
        }

        var ledger = filter.KindValue is null ? await LedgerAsync(subject, of, filter.FromDay, filter.ToDay, culture, cancellationToken) : [];
        return (new TimelineResponse(subject.ToString(), of.Id, of.Code, of.Name, items, total, page, pageSize, asOf, unavailable) { Ledger = ledger }, errors);
    }

    /// <summary>
    /// The readable commitments of the subject — made under the mechanism, owned by the post (either side), by a post of
    /// the actor, by a post the person held the day it was made, or linked to the issue — and their status changes, in
    /// the period.
    /// </summary>
    private async Task<List<LedgerEntry>> LedgerAsync(TimelineSubject subject, (Guid Id, string Code, string Name) of, DateOnly? from, DateOnly? to,
        CultureInfo culture, CancellationToken cancellationToken)
    {
        var commitments = db.Set<Commitment>().AsNoTracking();
        var id = of.Id;
        var tenures = db.Set<Tenure>();
        commitments = subject switch
        {
            TimelineSubject.Mechanism => commitments.Where(c => c.MechanismId == id),
            TimelineSubject.Post => commitments.Where(c => c.OwnerMxPostId == id || c.OwnerUsPostId == id),
            TimelineSubject.Actor => commitments.Where(c => (c.OwnerMxPost != null && c.OwnerMxPost.ActorId == id) || (c.OwnerUsPost != null && c.OwnerUsPost.ActorId == id)),
            TimelineSubject.Person => commitments.Where(c => tenures.Any(t => t.PersonId == id && (t.PostId == c.OwnerMxPostId || t.PostId == c.OwnerUsPostId)
                && t.From <= c.MadeOn && (t.To == null || t.To > c.MadeOn))),
            TimelineSubject.Issue => commitments.Where(c => EF.Functions.Like(c.IssueCodes, "%," + of.Code + ",%")),
            _ => commitments.Where(c => false),
        };
        var made = await commitments.Where(c => (from == null || c.MadeOn >= from) && (to == null || c.MadeOn <= to))
            .OrderBy(c => c.MadeOn).ThenBy(c => c.Code).Take(MaxLedgerEntries)
            .Select(c => new { c.Id, c.Code, c.NameEn, c.NameEs, c.MadeOn, c.Due, c.Confidentiality })
            .ToListAsync(cancellationToken);
        var changes = await db.Set<CommitmentStatusChange>().AsNoTracking()
            .Where(s => commitments.Select(c => c.Id).Contains(s.ParentId) && (from == null || s.Date >= from) && (to == null || s.Date <= to))
            .OrderBy(s => s.Date).ThenBy(s => s.Sequence).Take(MaxLedgerEntries)
            .Select(s => new { s.ParentId, s.Date, s.Status, s.Confidentiality, Commitment = new { s.Commitment!.Code, s.Commitment.NameEn, s.Commitment.NameEs, s.Commitment.Due } })
            .ToListAsync(cancellationToken);
        return [.. made.Select(c => new LedgerEntry("commitment", c.MadeOn, c.Id, c.Code, Bilingual.Pick(c.NameEn, c.NameEs, culture), nameof(CommitmentStatus.NotStarted), c.Due, c.Confidentiality.ToString()))
            .Concat(changes.Select(s => new LedgerEntry("status", s.Date, s.ParentId, s.Commitment.Code, Bilingual.Pick(s.Commitment.NameEn, s.Commitment.NameEs, culture),
                s.Status.ToString(), s.Commitment.Due, s.Confidentiality.ToString())))
            .OrderBy(e => e.Date).ThenBy(e => e.Type == "status").ThenBy(e => e.Code)
            .Take(MaxLedgerEntries)];
    }

    private static TimelineItem Item(Engagement e, CultureInfo culture)
    {
        var dto = EngagementDto.From(e, culture);
        return new TimelineItem("engagement", e.Id, e.Code, dto.Start, dto.End, e.AllDay, e.TimeZone, dto.Title, e.Kind.ToString(), e.Mechanism?.Code,
            e.SessionNumber, e.Confidentiality.ToString(), null, null);
    }

    /// <summary>Adds the windows before and after each session, from one daily summary over the whole page's span.</summary>
    private async Task<List<TimelineItem>> WithEventsAsync(List<Engagement> sessions, List<TimelineItem> items, CancellationToken cancellationToken)
    {
        var first = sessions.Min(e => e.StartDate).AddDays(-WindowDays);
        var last = sessions.Max(e => DateOnly.FromDateTime(e.EndLocal)).AddDays(WindowDays);
        var days = (await events.SummaryAsync(UsaMex, Period.Day, first, last, cancellationToken))
            .Select(r => (Day: DateOnly.ParseExact(r.Period, "yyyy-MM-dd", CultureInfo.InvariantCulture), Row: r))
            .ToList();
        return [.. sessions.Zip(items, (e, item) =>
        {
            var start = e.StartDate;
            var end = DateOnly.FromDateTime(e.EndLocal);
            return item with
            {
                Before = Window(days, start.AddDays(-WindowDays), start.AddDays(-1)),
                After = Window(days, end.AddDays(1), end.AddDays(WindowDays)),
            };
        })];
    }

    /// <summary>Sums a window's days; null when it has no events (the store does not cover it).</summary>
    internal static EventWindow? Window(IReadOnlyList<(DateOnly Day, SummaryRow Row)> days, DateOnly from, DateOnly to)
    {
        long count = 0;
        double goldstein = 0, tone = 0;
        foreach (var (day, row) in days)
        {
            if (day >= from && day <= to && row.Events > 0)
            {
                count += row.Events;
                goldstein += row.GoldsteinMean * row.Events;
                tone += row.ToneMean * row.Events;
            }
        }

        return count == 0 ? null : new EventWindow(from, to, count, goldstein / count, tone / count);
    }
}
