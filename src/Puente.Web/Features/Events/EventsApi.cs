using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Events;
using Puente.Events.Reference;
using Puente.Events.Store;
using Puente.Web.Api;

namespace Puente.Web.Features.Events;

/// <summary>/api/v1/events: the relationship monitor's measures (GDELT events are public: every signed-in user).</summary>
public static class EventsApi
{
    /// <summary>The most events GET /api/v1/events lists.</summary>
    private const int EventsLimit = 200;

    /// <summary>Maps <c>/events/summary</c>, <c>/events/roots</c> and <c>/events</c> on <paramref name="api"/> (the /api/v1 group).</summary>
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder api)
    {
        var events = api.MapGroup("/events").RequireAuthorization(Policies.Api).WithTags("Events");
        events.MapGet("/summary", SummaryAsync).WithName("EventSummary");
        events.MapGet("/roots", RootsAsync).WithName("EventRoots");
        events.MapGet("", ListAsync).WithName("EventList");
        return api;
    }

    private static async Task<Results<Ok<EventSummaryResponse>, ValidationProblem, ProblemHttpResult>> SummaryAsync(EventQueries queries,
        string? dyad, string? by, string? from, string? to, IStringLocalizer<SharedResource> t, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (EventQuery.Parse(dyad, by, from, to, errors, t) is not { } q)
        {
            return ApiResults.Invalid(errors, t);
        }

        return await ReadAsync(async () =>
        {
            var rows = await queries.SummaryAsync(q.Dyad, q.By, q.From, q.To, cancellationToken);
            return new EventSummaryResponse(q.Dyad.ToString(), q.ByText, rows, rows.Count);
        }, t);
    }

    private static async Task<Results<Ok<EventRootsResponse>, ValidationProblem, ProblemHttpResult>> RootsAsync(EventQueries queries,
        string? dyad, string? by, string? from, string? to, IStringLocalizer<SharedResource> t, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (EventQuery.Parse(dyad, by, from, to, errors, t) is not { } q)
        {
            return ApiResults.Invalid(errors, t);
        }

        return await ReadAsync(async () =>
        {
            var culture = CultureInfo.CurrentUICulture;
            var rows = await queries.RootsAsync(q.Dyad, q.By, q.From, q.To, cancellationToken);
            var items = rows.Select(r => new EventRootItem(r.Period, r.Root, CameoReference.Shared.Describe(r.Root, culture), r.Events, r.GoldsteinMean)).ToList();
            return new EventRootsResponse(q.Dyad.ToString(), q.ByText, items, items.Count);
        }, t);
    }

    private static async Task<Results<Ok<ItemList<EventItem>>, ValidationProblem, ProblemHttpResult>> ListAsync(EventQueries queries,
        string? dyad, string? from, string? to, string? root, IStringLocalizer<SharedResource> t, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (EventQuery.Parse(dyad, "day", from, to, errors, t) is not { } q)
        {
            return ApiResults.Invalid(errors, t);
        }

        if (q.From is not { } first || q.To is not { } last)
        {
            return ApiResults.Invalid("from", t["Give the range (from and to) to list events."], t);
        }

        return await ReadAsync(async () =>
        {
            var culture = CultureInfo.CurrentUICulture;
            var rows = await queries.EventsAsync(q.Dyad, first, last, root, EventsLimit, cancellationToken);
            var items = rows.Select(e => new EventItem(e.GlobalEventId, e.Date, e.Actor1, e.Actor1Country, e.Actor2, e.Actor2Country, e.EventCode,
                CameoReference.Shared.Describe(e.EventCode, culture), e.QuadClass, e.Goldstein, e.Tone, e.Articles, e.Place, e.SourceUrl)).ToList();
            return new ItemList<EventItem>(items, items.Count);
        }, t);
    }

    /// <summary>Runs a read; a busy or outdated store (told apart by type) is 503 with its localized title.</summary>
    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> ReadAsync<T>(Func<Task<T>> read, IStringLocalizer t)
    {
        try
        {
            return TypedResults.Ok(await read());
        }
        catch (EventStoreBusyException)
        {
            return ApiResults.Unavailable(t["The event store is busy with an ingest. Try again shortly."]);
        }
        catch (EventStoreFormatException)
        {
            return ApiResults.Unavailable(
                t["The event store was written by an earlier version of Puente. An administrator must move events.duckdb aside and ingest the GDELT files again."]);
        }
    }
}
