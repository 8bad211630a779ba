using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Health;
using Puente.Core.Memory;
using Puente.Data.Health;
using Puente.Web.Features.Engagements;

namespace Puente.Web.Features.Health;

/// <summary>
/// A mechanism's health as the viewer may know it: its readable sessions, participants and commitments only (the
/// queries go through the access filter), computed by <see cref="MechanismHealth"/>.
/// </summary>
public sealed class MechanismHealthService(PuenteDbContext db, EngagementService engagements, IStringLocalizer<SharedResource> t)
{
    /// <summary>The health on <paramref name="asOf"/>.</summary>
    public async Task<HealthAssessment> AssessAsync(Mechanism mechanism, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        var sessions = await db.SessionDaysAsync(mechanism.Id, cancellationToken);
        var administrations = await db.AdministrationTermsAsync(cancellationToken);
        var commitments = await db.MechanismCommitmentsAsync(mechanism.Id, asOf, cancellationToken);
        var seniority = await SeniorityAsync(mechanism.Id, asOf, cancellationToken);
        return MechanismHealth.Assess(mechanism.Cadence, sessions, administrations, seniority, commitments, asOf);
    }

    /// <summary>The status and last session at each quarter point of [from, to].</summary>
    public async Task<IReadOnlyList<HealthHistoryItem>> HistoryAsync(Mechanism mechanism, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        var sessions = await db.SessionDaysAsync(mechanism.Id, cancellationToken);
        return [.. HealthRequest.Points(from, to).Select(day =>
        {
            var reading = MechanismHealth.Read(mechanism.Cadence, sessions, day);
            return new HealthHistoryItem(day, reading.Status.ToString(), reading.LastSession);
        })];
    }

    /// <summary>The most senior level on each side at the latest sessions on or before the day, from the participants
    /// the viewer can read (a person's level is their post's that day, from the tenures).</summary>
    private async Task<IReadOnlyList<SessionSeniority>> SeniorityAsync(Guid mechanismId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var latest = await db.Set<Engagement>().AsNoTracking().Where(e => e.MechanismId == mechanismId && e.StartDate <= asOf)
            .OrderByDescending(e => e.StartDate).ThenByDescending(e => e.StartUtc).ThenBy(e => e.Code).Take(MechanismHealth.RecentSessions)
            .ToListAsync(cancellationToken);
        var result = new List<SessionSeniority>();
        foreach (var session in latest)
        {
            var participants = await engagements.ParticipantsAsync(session, CultureInfo.InvariantCulture, cancellationToken);
            result.Add(SessionSeniority.From(session.Code, session.StartDate,
                participants.Select(p => (p.Country, Enum.TryParse<Seniority>(p.Seniority, out var s) ? s : (Seniority?)null))));
        }

        return result;
    }

    /// <summary>What the status means, in the reader's language.</summary>
    public string Explain(MechanismStatus status, Cadence cadence, int? months) => status switch
    {
        MechanismStatus.NotYetMet => t["No session is recorded on or before this date."],
        MechanismStatus.AdHoc => t["It meets when needed: with no expected cadence it is never late or dormant."],
        MechanismStatus.OnCadence => t["It met within one and a half expected intervals ({0} months each): on schedule.", months ?? 0],
        MechanismStatus.Late => t["Its last session was more than one and a half expected intervals ago ({0} months each), but not more than three: a session is overdue.", months ?? 0],
        MechanismStatus.Dormant => t["No session in more than three expected intervals ({0} months each): the mechanism is dormant.", months ?? 0],
        _ => "",
    } + (cadence == Cadence.Continuous && status is not (MechanismStatus.NotYetMet or MechanismStatus.AdHoc)
        ? " " + t["A continuous mechanism is judged as if it were to meet every three months."]
        : "");

    /// <summary>The API's answer.</summary>
    public MechanismHealthResponse Response(Mechanism mechanism, HealthAssessment h)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        ArgumentNullException.ThrowIfNull(h);
        var c = h.Commitments;
        return new MechanismHealthResponse(mechanism.Code, h.AsOf, h.Status.ToString(), h.LastSession, h.NextSession, h.SessionsLast3Years,
            h.AdministrationsMet, c.Open, h.KeptShare is { } share ? Math.Round(share, 4) : null,
            Core.Localization.Bilingual.Pick(mechanism.NameEn, mechanism.NameEs, CultureInfo.CurrentUICulture), mechanism.Cadence.ToString(), h.IntervalMonths, h.NextSessionExpected,
            Explain(h.Status, mechanism.Cadence, h.IntervalMonths),
            [.. h.Seniority.Select(s => new SessionSeniorityDto(s.Session, s.Date, s.Mx?.ToString(), s.Us?.ToString()))],
            new CommitmentCountsDto(c.Open, c.Kept, c.PartlyKept, c.Broken, c.Closed));
    }
}
