using Puente.Core.Catalog;

namespace Puente.Core.Health;

/// <summary>
/// The expected interval between sessions of each cadence, in calendar months (an Annual cadence is 12 months: from
/// 25 February to the next 25 February, whatever the days in between). A continuous mechanism (a standing commission, a
/// treaty body) is judged on a three-month interval: something that works all the time should show a recorded meeting
/// at least every quarter. An ad hoc mechanism has no interval (decision 0046).
/// </summary>
public static class CadenceIntervals
{
    /// <summary>The interval a continuous mechanism is judged on.</summary>
    public const int ContinuousMonths = 3;

    /// <summary>The interval in calendar months; null for <see cref="Cadence.AdHoc"/>.</summary>
    public static int? Months(Cadence cadence) => cadence switch
    {
        Cadence.Continuous => ContinuousMonths,
        Cadence.Monthly => 1,
        Cadence.Quarterly => 3,
        Cadence.Biannual => 6,
        Cadence.Annual => 12,
        Cadence.Biennial => 24,
        Cadence.Triennial => 36,
        Cadence.AdHoc => null,
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, null),
    };

    /// <summary>
    /// True when <paramref name="to"/> is at most <paramref name="halfMonths"/> half calendar months after
    /// <paramref name="from"/> (always true when it is not after it). Whole months are counted with
    /// <see cref="DateOnly.AddMonths"/> (31 January plus one month is 28 or 29 February); a trailing half month is half
    /// of the days of the month that follows the whole ones, compared exactly (a day exactly half-way is within).
    /// </summary>
    public static bool IsWithin(DateOnly from, DateOnly to, int halfMonths)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(halfMonths);
        if (to <= from)
        {
            return true;
        }

        var whole = from.AddMonths(halfMonths / 2);
        if (halfMonths % 2 == 0)
        {
            return to <= whole;
        }

        var next = from.AddMonths(halfMonths / 2 + 1);
        return 2 * (to.DayNumber - whole.DayNumber) <= next.DayNumber - whole.DayNumber;
    }
}
