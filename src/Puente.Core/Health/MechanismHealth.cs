using Puente.Core.Catalog;

namespace Puente.Core.Health;

/// <summary>
/// Where a mechanism stands on one day against its cadence: its status, its last session on or before the day, and the
/// next one: the first session recorded after the day; else, for a mechanism with a cadence that has met, the last
/// session plus one interval (<see cref="NextSessionExpected"/> true: expected, not recorded); else null.
/// </summary>
public sealed record CadenceReading(MechanismStatus Status, DateOnly? LastSession, DateOnly? NextSession, bool NextSessionExpected);

/// <summary>A mechanism's health on one day (decision 0046).</summary>
public sealed record HealthAssessment(
    DateOnly AsOf,
    MechanismStatus Status,
    int? IntervalMonths,
    DateOnly? LastSession,
    DateOnly? NextSession,
    bool NextSessionExpected,
    int SessionsLast3Years,
    IReadOnlyList<string> AdministrationsMet,
    IReadOnlyList<SessionSeniority> Seniority,
    CommitmentOutcomes Commitments)
{
    /// <summary>See <see cref="CommitmentOutcomes.KeptShareOfJudged"/>.</summary>
    public double? KeptShare => Commitments.KeptShareOfJudged;
}

/// <summary>
/// Mechanism health from its cadence and the dates of its sessions (its engagements). All days are local start dates;
/// a session on the as-of day counts as held. "The last three years" is the half-open window
/// (asOf − 3 years, asOf].
/// </summary>
public static class MechanismHealth
{
    /// <summary>The window of <see cref="HealthAssessment.SessionsLast3Years"/>, in years.</summary>
    public const int WindowYears = 3;

    /// <summary>How many of the latest sessions the seniority is reported for.</summary>
    public const int RecentSessions = 3;

    /// <summary>On cadence up to 1.5 intervals since the last session: in half months, 3 per month of interval.</summary>
    private const int OnCadenceHalfMonthsPerMonth = 3;

    /// <summary>Late up to 3 intervals: 6 half months per month of interval.</summary>
    private const int LateHalfMonthsPerMonth = 6;

    /// <summary>
    /// The status on <paramref name="asOf"/> given the last session on or before it: <see cref="MechanismStatus.NotYetMet"/>
    /// without one; <see cref="MechanismStatus.AdHoc"/> for an ad hoc mechanism that has met; otherwise on cadence while
    /// the time since the last session is at most 1.5 intervals, late up to 3 intervals, dormant beyond (both
    /// boundaries inclusive, in calendar months, <see cref="CadenceIntervals.IsWithin"/>).
    /// </summary>
    public static MechanismStatus StatusOn(Cadence cadence, DateOnly? lastSession, DateOnly asOf)
    {
        if (lastSession is not { } last || last > asOf)
        {
            return MechanismStatus.NotYetMet;
        }

        if (CadenceIntervals.Months(cadence) is not { } months)
        {
            return MechanismStatus.AdHoc;
        }

        return CadenceIntervals.IsWithin(last, asOf, OnCadenceHalfMonthsPerMonth * months) ? MechanismStatus.OnCadence
            : CadenceIntervals.IsWithin(last, asOf, LateHalfMonthsPerMonth * months) ? MechanismStatus.Late
            : MechanismStatus.Dormant;
    }

    /// <summary>The status, last and next session on <paramref name="asOf"/> from the session days in ascending order
    /// (they may run past the day).</summary>
    public static CadenceReading Read(Cadence cadence, IReadOnlyList<DateOnly> sessions, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var i = LastOnOrBefore(sessions, asOf);
        DateOnly? last = i < 0 ? null : sessions[i];
        var status = StatusOn(cadence, last, asOf);
        if (i + 1 < sessions.Count)
        {
            return new CadenceReading(status, last, sessions[i + 1], false);
        }

        return last is { } l && CadenceIntervals.Months(cadence) is { } months
            ? new CadenceReading(status, last, l.AddMonths(months), true)
            : new CadenceReading(status, last, null, false);
    }

    /// <summary>The index of the last day on or before <paramref name="day"/> in ascending <paramref name="days"/>; −1 when none is.</summary>
    public static int LastOnOrBefore(IReadOnlyList<DateOnly> days, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(days);
        int lo = 0, hi = days.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (days[mid] <= day)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>The first day of the window that ends on <paramref name="asOf"/>, exclusive: asOf − 3 years.</summary>
    public static DateOnly WindowStart(DateOnly asOf) => asOf.AddYears(-WindowYears);

    /// <summary>How many of the ascending <paramref name="sessions"/> fall in (asOf − 3 years, asOf].</summary>
    public static int SessionsInWindow(IReadOnlyList<DateOnly> sessions, DateOnly asOf) =>
        LastOnOrBefore(sessions, asOf) - LastOnOrBefore(sessions, WindowStart(asOf));

    /// <summary>The codes of the administrations (of any country) in office on the day of at least one session on or
    /// before <paramref name="asOf"/>: by country, then term.</summary>
    public static IReadOnlyList<string> AdministrationsMet(IReadOnlyList<DateOnly> sessions, IEnumerable<AdministrationTerm> terms, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(terms);
        var upTo = LastOnOrBefore(sessions, asOf);
        return [.. terms.Where(t => MetDuring(sessions, upTo, t)).OrderBy(t => t.Country, StringComparer.Ordinal).ThenBy(t => t.Start).Select(t => t.Code)];
    }

    /// <summary>Whether one of sessions[0..upTo] falls in the term (both ends inclusive).</summary>
    private static bool MetDuring(IReadOnlyList<DateOnly> sessions, int upTo, AdministrationTerm term)
    {
        // The first session on or after the term's start, if it is within the first upTo + 1.
        var before = LastOnOrBefore(sessions, term.Start.AddDays(-1));
        var first = before + 1;
        return first <= upTo && term.Covers(sessions[first]);
    }

    /// <summary>
    /// The whole health of a mechanism on <paramref name="asOf"/> from its <paramref name="cadence"/>, its session days
    /// <paramref name="sessions"/> (ascending, one per session: two sessions on a day count twice), the
    /// <paramref name="administrations"/> of both countries, the <paramref name="seniority"/> at its latest sessions on
    /// or before the day (as the data layer found it) and its <paramref name="commitments"/> made on or before the day,
    /// by their status on it.
    /// </summary>
    public static HealthAssessment Assess(Cadence cadence, IReadOnlyList<DateOnly> sessions, IEnumerable<AdministrationTerm> administrations,
        IReadOnlyList<SessionSeniority> seniority, CommitmentOutcomes commitments, DateOnly asOf)
    {
        var reading = Read(cadence, sessions, asOf);
        return new HealthAssessment(asOf, reading.Status, CadenceIntervals.Months(cadence), reading.LastSession, reading.NextSession,
            reading.NextSessionExpected, SessionsInWindow(sessions, asOf), AdministrationsMet(sessions, administrations, asOf), seniority, commitments);
    }

    /// <summary>Whether the ascending sessions up to <paramref name="asOf"/> span at least two administrations of each of
    /// Mexico and the United States.</summary>
    public static bool MetUnderTwoOfEach(IReadOnlyList<DateOnly> sessions, IReadOnlyList<AdministrationTerm> administrations, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(administrations);
        var upTo = LastOnOrBefore(sessions, asOf);
        int mx = 0, us = 0;
        foreach (var term in administrations)
        {
            if ((term.Country == "MX" && mx < 2) || (term.Country == "US" && us < 2))
            {
                if (MetDuring(sessions, upTo, term))
                {
                    if (term.Country == "MX")
                    {
                        mx++;
                    }
                    else
                    {
                        us++;
                    }
                }
            }
        }

        return mx >= 2 && us >= 2;
    }
}
