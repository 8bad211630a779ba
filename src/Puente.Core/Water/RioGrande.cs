namespace Puente.Core.Water;

/// <summary>How a Rio Grande cycle ended.</summary>
public enum CycleEnd
{
    /// <summary>Still running.</summary>
    Open,

    /// <summary>Ran its five years.</summary>
    OnSchedule,

    /// <summary>Closed early because the U.S. conservation storage in Amistad and Falcon filled (Treaty Art. 4).</summary>
    EarlyStorageFull,

    /// <summary>Closed as a minute provided (e.g. Minute 325's transfer of stored water).</summary>
    ByMinute,
}

/// <summary>Where delivered water came from.</summary>
public enum DeliverySource
{
    Conchos,
    SanDiego,
    SanRodrigo,
    Escondido,
    Salado,
    LasVacas,

    /// <summary>Mexican-owned water in the international reservoirs transferred to U.S. ownership.</summary>
    StorageTransfer,

    /// <summary>Other water credited under a minute (e.g. non-treaty rivers under Minute 331).</summary>
    MinuteCredit,

    /// <summary>A reported running total that its source did not break down by tributary.</summary>
    Unspecified,
}

/// <summary>A five-year Rio Grande delivery cycle (Treaty Article 4): 350,000 AF a year, 1,750,000 AF a cycle.</summary>
public sealed record RioGrandeCycle(
    int Number,
    DateOnly Start,
    DateOnly? ActualEnd = null,
    CycleEnd EndKind = CycleEnd.Open,
    decimal CarriedDeficitAf = 0m,
    string? CarriedDeficitBasis = null)
{
    public const decimal AnnualObligationAf = 350_000m;
    public const decimal CycleObligationAf = 1_750_000m;

    /// <summary>Five years on: the day before the fifth anniversary of the start (25 Oct → 24 Oct).</summary>
    public DateOnly ScheduledEnd => Start.AddYears(5).AddDays(-1);

    public DateOnly End => ActualEnd ?? ScheduledEnd;

    /// <summary>Days in the scheduled cycle, both ends included (1,826 or 1,827 with two leap days).</summary>
    public int ScheduledDays => ScheduledEnd.DayNumber - Start.DayNumber + 1;

    /// <summary>The cycle year a date falls in (1–5): 25 October to 24 October.</summary>
    public int CycleYear(DateOnly date)
    {
        for (var year = 1; year <= 5; year++)
        {
            if (date < Start.AddYears(year))
            {
                return year;
            }
        }

        return 5;
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

/// <summary>
/// One delivery credited to a cycle. When only a running total was reported, a delivery is the growth of that total since
/// the previous report: it was delivered somewhere in [<see cref="Since"/>, <see cref="Date"/>] (both days included) and is
/// counted on <see cref="Date"/>. Null <see cref="Since"/>: delivered on <see cref="Date"/>.
/// </summary>
public sealed record Delivery(DateOnly Date, decimal VolumeAf, DeliverySource Source, string? DocumentReference = null, DateOnly? Since = null)
{
    /// <summary>The first day the volume may have been delivered.</summary>
    public DateOnly From => Since is { } since && since < Date ? since : Date;

    /// <summary>Days the volume was delivered over (1 for a dated delivery).</summary>
    public int SpanDays => Date.DayNumber - From.DayNumber + 1;
}

/// <summary>The state of a cycle on a date.</summary>
public sealed record RioGrandeStatus(
    int Cycle,
    DateOnly CycleStart,
    DateOnly CycleEnd,
    DateOnly AsOf,
    int ElapsedDays,
    int CycleDays,
    decimal DeliveredAf,
    IReadOnlyList<decimal> DeliveredByCycleYearAf,
    decimal ProratedObligationAf,
    decimal BalanceAf,
    decimal CarriedDeficitAf,
    decimal CarriedDeficitRepaidAf,
    decimal RequiredAnnualPaceAf,
    decimal ProjectedEndBalanceAf,
    decimal ProjectedEndBalanceAtCyclePaceAf,
    decimal Last52WeeksAf,
    IReadOnlyList<YearsVolume> DeliveredAcrossCycleYearsAf);

/// <summary>
/// Rio Grande ledger arithmetic. Elapsed time is counted in whole days, both ends included: on the cycle's first day
/// one day has elapsed; leap days count like any other day, so a cycle with two 29 Februaries has 1,827 days and the
/// pro-rated obligation on day d is 1,750,000 × d / 1,827. Deliveries dated on or before the as-of date count.
/// A deficit carried in is repaid first: deliveries go to it before the cycle's own obligation (Minute 234).
/// A volume known only as the growth of a running total over several cycle years is not put in any one year
/// (<see cref="RioGrandeStatus.DeliveredAcrossCycleYearsAf"/>); for the last 52 weeks' pace it counts in proportion to the
/// days of its span inside the window, as if delivered evenly.
/// </summary>
public static class RioGrandeLedger
{
    public static RioGrandeStatus Status(RioGrandeCycle cycle, IEnumerable<Delivery> deliveries, DateOnly asOf)
    {
        if (asOf < cycle.Start)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), $"{asOf:yyyy-MM-dd} is before cycle {cycle.Number} starts ({cycle.Start:yyyy-MM-dd}).");
        }

        var on = asOf > cycle.End ? cycle.End : asOf;
        var days = cycle.ScheduledDays;
        var elapsed = Math.Min(on.DayNumber - cycle.Start.DayNumber + 1, days);
        var counted = deliveries.Where(d => d.Date >= cycle.Start && d.Date <= on).ToList();
        var total = counted.Sum(d => d.VolumeAf);
        var byYear = Enumerable.Range(1, 5).Select(y => counted.Where(d => cycle.CycleYear(d.From) == y && cycle.CycleYear(d.Date) == y).Sum(d => d.VolumeAf)).ToList();
        var acrossYears = counted.Where(d => cycle.CycleYear(d.From) != cycle.CycleYear(d.Date))
            .GroupBy(d => (First: cycle.CycleYear(d.From), Last: cycle.CycleYear(d.Date)))
            .OrderBy(g => g.Key.First).ThenBy(g => g.Key.Last)
            .Select(g => new YearsVolume(g.Key.First, g.Key.Last, g.Sum(d => d.VolumeAf))).ToList();

        var repaid = Math.Min(cycle.CarriedDeficitAf, total);
        var towardCycle = total - repaid;
        // An early closure settles the cycle: the obligation is deemed met (Treaty Art. 4).
        var prorated = cycle.EndKind == CycleEnd.EarlyStorageFull && asOf >= cycle.End
            ? towardCycle
            : RioGrandeCycle.CycleObligationAf * elapsed / days;
        var balance = towardCycle - prorated;

        var remainingDays = days - elapsed;
        var owed = RioGrandeCycle.CycleObligationAf - towardCycle + (cycle.CarriedDeficitAf - repaid);
        var yearLength = days / 5m;
        var requiredPace = remainingDays == 0 ? 0m : Math.Max(0m, owed) * yearLength / remainingDays;

        var windowStart = DateOnly.FromDayNumber(Math.Max(cycle.Start.DayNumber, on.DayNumber - 363));
        var last52 = counted.Where(d => d.Date >= windowStart).Sum(d => InWindow(d, windowStart));
        var windowDays = on.DayNumber - windowStart.DayNumber + 1;
        // Future deliveries repay what is left of the carried deficit first, so the projections count all of it owed.
        var projectedRecent = total + last52 / windowDays * remainingDays - cycle.CarriedDeficitAf - RioGrandeCycle.CycleObligationAf;
        var projectedCycle = total * days / elapsed - cycle.CarriedDeficitAf - RioGrandeCycle.CycleObligationAf;

        return new RioGrandeStatus(cycle.Number, cycle.Start, cycle.End, on, elapsed, days, total, byYear, prorated, balance,
            cycle.CarriedDeficitAf, repaid, requiredPace, projectedRecent, projectedCycle, last52, acrossYears);
    }

    /// <summary>The part of a delivery's volume that falls on or after <paramref name="windowStart"/>, spread evenly over its span.</summary>
    private static decimal InWindow(Delivery delivery, DateOnly windowStart)
    {
        var from = delivery.From < windowStart ? windowStart : delivery.From;
        var days = delivery.Date.DayNumber - from.DayNumber + 1;
        return days >= delivery.SpanDays ? delivery.VolumeAf : delivery.VolumeAf * days / delivery.SpanDays;
    }
}
