using DuckDB.NET.Data;
using Puente.Data.Configuration;
using Puente.Events.Measures;
using Puente.Events.Store;
using Puente.Core.Text;

namespace Puente.Web.Features.Events;

/// <summary>The parsed parameters of every event view: dyad, grouping and range.</summary>
public sealed record EventQuery(Dyad Dyad, Period By, DateOnly? From, DateOnly? To);

/// <summary>Reads the event store of the data directory (read-only, one connection per request).</summary>
public sealed class EventData(PuenteSettings settings)
{
    /// <summary>One user of the event store file at a time in this process (page and API reads, the scheduled fetch).</summary>
    public static SemaphoreSlim Gate { get; } = new(1, 1);

    public string StorePath => Path.Combine(settings.DataDirectory, EventStore.FileName);

    /// <summary>Runs <paramref name="read"/> on the store; empty when nothing has been ingested yet.</summary>
    public T Read<T>(Func<DuckDBConnection, T> read, T empty)
    {
        if (!File.Exists(StorePath))
        {
            return empty;
        }

        if (!Gate.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The event store is busy.");
        }

        try
        {
            using var store = EventStore.Open(StorePath, readOnly: true);
            return read(store.Connection);
        }
        finally
        {
            Gate.Release();
        }
    }

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

            errors[field] = [t["A date is written YYYY-MM-DD."]];
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
}
