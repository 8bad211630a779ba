namespace Puente.Core.Health;

/// <summary>Calendar quarters, for series of health and of the index.</summary>
public static class Quarters
{
    /// <summary>The last day of the quarter <paramref name="day"/> is in.</summary>
    public static DateOnly EndOf(DateOnly day)
    {
        var lastMonth = ((day.Month - 1) / 3 * 3) + 3;
        return new DateOnly(day.Year, lastMonth, DateTime.DaysInMonth(day.Year, lastMonth));
    }

    /// <summary>
    /// One day per quarter that overlaps [<paramref name="from"/>, <paramref name="to"/>]: the quarter's last day, or
    /// <paramref name="to"/> for the quarter it ends inside. Empty when <paramref name="to"/> is before
    /// <paramref name="from"/>.
    /// </summary>
    public static IReadOnlyList<DateOnly> Ends(DateOnly from, DateOnly to)
    {
        var days = new List<DateOnly>();
        for (var end = EndOf(from); from <= to; end = EndOf(end.AddDays(1)))
        {
            if (end >= to)
            {
                days.Add(to);
                break;
            }

            days.Add(end);
        }

        return days;
    }

    /// <summary>How many points <see cref="Ends"/> gives, without making them.</summary>
    public static int Count(DateOnly from, DateOnly to) =>
        to < from ? 0 : ((to.Year - from.Year) * 4) + ((to.Month - 1) / 3) - ((from.Month - 1) / 3) + 1;
}
