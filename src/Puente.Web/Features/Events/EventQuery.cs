using Puente.Core.Text;
using Puente.Events.Measures;

namespace Puente.Web.Features.Events;

/// <summary>The parsed parameters of every event view: dyad, grouping and range.</summary>
public sealed record EventQuery(Dyad Dyad, Period By, DateOnly? From, DateOnly? To)
{
    /// <summary>Validates the query parameters into field errors (the same for the page and the API).</summary>
    public static EventQuery? Parse(string? dyad, string? by, string? from, string? to, IDictionary<string, string[]> errors, IStringLocalizer t)
    {
        if (!Dyad.TryParse(dyad ?? "USA-MEX", out var d))
        {
            errors["dyad"] = [t["Write a dyad as USA-MEX (both directions) or USA>MEX (from the first to the second)."]];
        }

        if (!EnumText.TryParse<Period>(by ?? "month", out var period))
        {
            errors["by"] = [t["Group by day, week, month or year."]];
        }

        DateOnly? Date(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (IsoDate.TryParse(text, out var date))
            {
                return date;
            }

            errors[field] = [t["A date is written YYYY-MM-DD, between 1900 and 2200."]];
            return null;
        }

        var f = Date(from, "from");
        var toDate = Date(to, "to");
        if (f is not null && toDate is not null && f > toDate)
        {
            errors["to"] = [t["The end of the range is before its start."]];
        }

        return errors.Count > 0 ? null : new EventQuery(d, period, f, toDate);
    }

    /// <summary>The grouping as the API writes it (<c>day</c>, <c>week</c>, <c>month</c>, <c>year</c>).</summary>
    public string ByText => By.ToString().ToLowerInvariant();
}
