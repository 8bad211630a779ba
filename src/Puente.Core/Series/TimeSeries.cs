namespace Puente.Core.Series;

/// <summary>One observation of a <see cref="TimeSeries"/>: the value for the period that starts on <see cref="Date"/>.</summary>
public readonly record struct SeriesPoint(DateOnly Date, double Value);

/// <summary>
/// A dated series of one measure in one unit, as the signals produce it (the water balance week by week, event counts
/// and tone by period) and as the early-warning detectors read it. Points are in strictly increasing date order; a
/// missing period is a missing point, never a zero (a detector decides what a gap means).
/// </summary>
/// <param name="Name">What is measured, e.g. <c>riogrande.balance</c> or <c>events.USA-MEX.count</c>.</param>
/// <param name="Unit">The unit of every value, e.g. <c>AF</c>, <c>events</c>, <c>goldstein</c>.</param>
/// <param name="Points">The observations, dates strictly increasing.</param>
public sealed record TimeSeries(string Name, string Unit, IReadOnlyList<SeriesPoint> Points)
{
    /// <summary>Builds a series, checking the order invariant.</summary>
    /// <exception cref="ArgumentException">Dates are not strictly increasing, or a value is not finite.</exception>
    public static TimeSeries Create(string name, string unit, IEnumerable<SeriesPoint> points)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        var list = points.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!double.IsFinite(list[i].Value))
            {
                throw new ArgumentException($"The value on {list[i].Date:yyyy-MM-dd} is not a finite number.", nameof(points));
            }

            if (i > 0 && list[i].Date <= list[i - 1].Date)
            {
                throw new ArgumentException($"Dates must increase: {list[i].Date:yyyy-MM-dd} follows {list[i - 1].Date:yyyy-MM-dd}.", nameof(points));
            }
        }

        return new TimeSeries(name, unit, list);
    }
}
