using Puente.Core.Series;
using Puente.Events.Measures;
using Puente.Events.Narrative;
using Puente.Events.Store;

namespace Puente.Events;

/// <summary>
/// The reads of the event store that pages, endpoints, the CLI and (later) the alert detectors use. Each call takes a
/// connection of its own from <see cref="EventStoreAccess"/>; before anything is ingested every list is empty.
/// </summary>
/// <remarks>
/// Every method may throw <see cref="EventStoreBusyException"/> (an ingest holds the store: try again shortly) or
/// <see cref="EventStoreFormatException"/> (the store was written by an earlier version of Puente).
/// </remarks>
public sealed class EventQueries(EventStoreAccess store)
{
    /// <summary>Whether anything has been ingested.</summary>
    public bool StoreExists => store.StoreExists;

    /// <summary>Events, QuadClass counts, means and articles per period of a dyad (periods ascend).</summary>
    public async Task<IReadOnlyList<SummaryRow>> SummaryAsync(Dyad dyad, Period by, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken = default) =>
        await store.ReadAsync<IReadOnlyList<SummaryRow>>(c => EventMeasures.Summary(c, dyad, by, from, to), [], cancellationToken);

    /// <summary>Events and mean Goldstein per CAMEO root and period.</summary>
    public async Task<IReadOnlyList<RootRow>> RootsAsync(Dyad dyad, Period by, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken = default) =>
        await store.ReadAsync<IReadOnlyList<RootRow>>(c => EventMeasures.ByRoot(c, dyad, by, from, to), [], cancellationToken);

    /// <summary>The dyad's events in a range (both days included), most-reported first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<EventRow>> EventsAsync(Dyad dyad, DateOnly from, DateOnly to, string? root, int limit,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await store.ReadAsync<IReadOnlyList<EventRow>>(c => EventMeasures.Events(c, dyad, from, to, root, limit), [], cancellationToken);
    }

    /// <summary>One measure of the dyad per period as a series (see <see cref="EventMeasures.Series"/>).</summary>
    public async Task<TimeSeries> SeriesAsync(Dyad dyad, Period by, EventMeasure measure, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken = default) =>
        EventMeasures.Series(dyad, by, measure, await SummaryAsync(dyad, by, from, to, cancellationToken));

    /// <summary>Articles, mean tone and frame shares per month and group of outlets.</summary>
    public async Task<IReadOnlyList<NarrativeRow>> NarrativeAsync(FrameMap frames, CancellationToken cancellationToken = default) =>
        await store.ReadAsync<IReadOnlyList<NarrativeRow>>(c => NarrativeMeasures.Monthly(c, frames), [], cancellationToken);

    /// <summary>The last day the ingested files have events for, or null before any ingest.</summary>
    public async Task<DateOnly?> DataAsOfAsync(CancellationToken cancellationToken = default) =>
        await store.ReadAsync(EventMeasures.DataAsOf, null, cancellationToken);
}
