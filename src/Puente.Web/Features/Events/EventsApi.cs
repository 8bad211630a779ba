using System.Globalization;
using DuckDB.NET.Data;
using Puente.Events.Measures;
using Puente.Events.Reference;
using Puente.Events.Store;
using Puente.Web.Api;

namespace Puente.Web.Features.Events;

/// <summary>/api/v1/events: the relationship monitor's measures (GDELT events are public: every signed-in user).</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder api)
    {
        Map(api);
        return api;
    }

    private static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/events/summary", (EventData data, string? dyad, string? by, string? from, string? to, IStringLocalizer<SharedResource> t) =>
            Run(dyad, by, from, to, t, q =>
            {
                var rows = data.Read(c => EventMeasures.Summary(c, q.Dyad, q.By, q.From, q.To), []);
                return Results.Ok(new { dyad = q.Dyad.ToString(), by = q.By.ToString().ToLowerInvariant(), items = rows, total = rows.Count });
            }));

        api.MapGet("/events/roots", (EventData data, string? dyad, string? by, string? from, string? to, IStringLocalizer<SharedResource> t) =>
            Run(dyad, by, from, to, t, q =>
            {
                var culture = CultureInfo.CurrentUICulture;
                var rows = data.Read(c => EventMeasures.ByRoot(c, q.Dyad, q.By, q.From, q.To), [])
                    .Select(r => new { r.Period, r.Root, rootName = CameoReference.Shared.Describe(r.Root, culture), r.Events, r.GoldsteinMean })
                    .ToList();
                return Results.Ok(new { dyad = q.Dyad.ToString(), by = q.By.ToString().ToLowerInvariant(), items = rows, total = rows.Count });
            }));

        api.MapGet("/events", (EventData data, string? dyad, string? from, string? to, string? root, IStringLocalizer<SharedResource> t) =>
            Run(dyad, "day", from, to, t, q =>
            {
                if (q.From is null || q.To is null)
                {
                    return ApiResults.Invalid(new Dictionary<string, string[]> { ["from"] = [t["Give the range (from and to) to list events."]] }, t);
                }

                var culture = CultureInfo.CurrentUICulture;
                var rows = data.Read(c => EventMeasures.Events(c, q.Dyad, q.From.Value, q.To.Value, root, 200), [])
                    .Select(e => new { e.GlobalEventId, date = e.Date, e.Actor1, e.Actor1Country, e.Actor2, e.Actor2Country, e.EventCode,
                        eventName = CameoReference.Shared.Describe(e.EventCode, culture), e.QuadClass, e.Goldstein, e.Tone, e.Articles, e.Place, e.SourceUrl })
                    .ToList();
                return Results.Ok(new { items = rows, total = rows.Count });
            }));
    }

    private static IResult Run(string? dyad, string? by, string? from, string? to, IStringLocalizer t, Func<EventQuery, IResult> action)
    {
        var errors = new Dictionary<string, string[]>();
        var query = EventData.Parse(dyad, by, from, to, errors, t);
        if (query is null)
        {
            return ApiResults.Invalid(errors, t);
        }

        try
        {
            return action(query);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is DuckDBException && ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase)))
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: t["The event store is busy with an ingest. Try again shortly."]);
        }
        catch (EventStoreFormatException)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: t["The event store was written by an earlier version of Puente. An administrator must move events.duckdb aside and ingest the GDELT files again."]);
        }
    }
}
