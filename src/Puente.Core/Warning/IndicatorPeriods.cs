using System.Globalization;

namespace Puente.Core.Warning;

/// <summary>
/// Periods of an indicator, each named by its first day: a day is itself, a week starts on Monday (ISO 8601), a month
/// on the 1st, a quarter on 1 January, April, July or October, a year on 1 January.
/// </summary>
public static class IndicatorPeriods
{
    /// <summary>The first day of the period of <paramref name="frequency"/> that contains <paramref name="day"/>.</summary>
    public static DateOnly StartOf(IndicatorFrequency frequency, DateOnly day) => frequency switch
    {
        IndicatorFrequency.Day => day,
        IndicatorFrequency.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        IndicatorFrequency.Month => new DateOnly(day.Year, day.Month, 1),
        IndicatorFrequency.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        IndicatorFrequency.Year => new DateOnly(day.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
    };

    /// <summary>The first day of the period after the one starting on <paramref name="start"/>.</summary>
    public static DateOnly Next(IndicatorFrequency frequency, DateOnly start) => frequency switch
    {
        IndicatorFrequency.Day => start.AddDays(1),
        IndicatorFrequency.Week => start.AddDays(7),
        IndicatorFrequency.Month => start.AddMonths(1),
        IndicatorFrequency.Quarter => start.AddMonths(3),
        IndicatorFrequency.Year => start.AddYears(1),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
    };

    /// <summary>
    /// Reads a period written <c>YYYY-MM-DD</c>, <c>YYYY-MM</c> or <c>YYYY</c> for an indicator of
    /// <paramref name="frequency"/>: a day is taken to its period's first day; a month needs a frequency of a month or
    /// longer, a year a yearly indicator (a month names a quarter only when it is the quarter's first). Null when the
    /// text is none of these or too coarse for the frequency.
    /// </summary>
    public static DateOnly? Parse(string text, IndicatorFrequency frequency)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return StartOf(frequency, day);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return frequency switch
            {
                IndicatorFrequency.Month => month,
                IndicatorFrequency.Quarter when (month.Month - 1) % 3 == 0 => month,
                IndicatorFrequency.Year when month.Month == 1 => month,
                _ => null,
            };
        }

        if (text.Length == 4 && DateOnly.TryParseExact(text, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var year))
        {
            return frequency == IndicatorFrequency.Year ? year : null;
        }

        return null;
    }

    /// <summary>The period as people write it: <c>2024</c>, <c>2024-Q2</c>, <c>2024-05</c>, or the day.</summary>
    public static string Format(IndicatorFrequency frequency, DateOnly start) => frequency switch
    {
        IndicatorFrequency.Year => start.ToString("yyyy", CultureInfo.InvariantCulture),
        IndicatorFrequency.Quarter => $"{start.Year.ToString(CultureInfo.InvariantCulture)}-Q{((start.Month - 1) / 3) + 1}",
        IndicatorFrequency.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The largest magnitude a value may have (values beyond it are refused as mistakes).</summary>
    public const double MaxMagnitude = 1e15;

    /// <summary>Whether a value may be recorded: a finite number within <see cref="MaxMagnitude"/>.</summary>
    public static bool IsRecordable(double value) => double.IsFinite(value) && Math.Abs(value) <= MaxMagnitude;
}
