using Puente.Core.Health;
using Puente.Core.Text;

namespace Puente.Web.Features.Health;

/// <summary>The as-of day and series parameters of the health and index requests, checked with the field named.</summary>
public static class HealthRequest
{
    /// <summary>Where series start when no <c>from</c> is given: the seeded history's first year.</summary>
    public static readonly DateOnly SeriesStart = new(2006, 1, 1);

    /// <summary>The most quarters a series answers (a century): each costs a query of the index's commitments.</summary>
    public const int MaxQuarters = 400;

    /// <summary>Today on the clock (UTC).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The day given, or <paramref name="fallback"/> when none is; an error under <paramref name="field"/> when it is not a date.</summary>
    public static DateOnly Day(string? text, string field, DateOnly fallback, Dictionary<string, string[]> errors, IStringLocalizer t)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (IsoDate.TryParse(text, out var day))
        {
            return day;
        }

        errors[field] = [t["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", Bounded(text)]];
        return fallback;
    }

    /// <summary>The series' from, to and by (only <c>quarter</c>): from defaults to 2006-01-01, to to today.</summary>
    public static (DateOnly From, DateOnly To) Series(string? from, string? to, string? by, DateOnly today, Dictionary<string, string[]> errors, IStringLocalizer t)
    {
        var start = Day(from, "from", SeriesStart, errors, t);
        var end = Day(to, "to", today, errors, t);
        if (!string.IsNullOrWhiteSpace(by) && !string.Equals(by.Trim(), "quarter", StringComparison.OrdinalIgnoreCase))
        {
            errors["by"] = [t["'{0}' is not a period of the series: use quarter.", Bounded(by)]];
        }

        if (!errors.ContainsKey("from") && !errors.ContainsKey("to") && end < start)
        {
            errors["to"] = [t["The end is before the start."]];
        }
        else if (!errors.ContainsKey("from") && !errors.ContainsKey("to") && Quarters.Count(start, end) > MaxQuarters)
        {
            errors["from"] = [t["A series covers at most {0} quarters.", MaxQuarters]];
        }

        return (start, end);
    }

    /// <summary>The quarter points of a checked series.</summary>
    public static IReadOnlyList<DateOnly> Points(DateOnly from, DateOnly to) => Quarters.Ends(from, to);

    /// <summary>Echoed input is cut short: an error message never carries a whole request back.</summary>
    internal static string Bounded(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
