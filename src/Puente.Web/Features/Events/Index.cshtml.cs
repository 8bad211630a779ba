using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Events;
using Puente.Events.Measures;
using Puente.Events.Store;
using Puente.Events.Reference;
using Puente.Core.Text;

namespace Puente.Web.Features.Events;

/// <summary>The relationship monitor: cooperation and conflict over time for a dyad, with drill-down to the events.</summary>
public sealed class IndexModel(EventQueries queries, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Dyad { get; set; } = "USA-MEX";
    [BindProperty(SupportsGet = true)] public string By { get; set; } = "month";
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public bool Normalize { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    /// <summary>At most this many periods on the chart's time axis (about 2.7 years of days).</summary>
    public const int MaxSlots = 1000;

    /// <summary>How many of the most-reported events the drill-down reads.</summary>
    public const int DrillDownLimit = 100;

    public IReadOnlyList<SummaryRow> Rows { get; private set; } = [];

    /// <summary>Every period from the first to the last with events: null where there were none, so gaps stay gaps.</summary>
    public IReadOnlyList<Slot> Slots { get; private set; } = [];

    /// <summary>The range spans more than <see cref="MaxSlots"/> periods: the chart is not drawn.</summary>
    public bool TooManyPeriods { get; private set; }

    /// <summary>The table: one entry per period with events, one per run of periods without.</summary>
    public IReadOnlyList<TableEntry> Table { get; private set; } = [];

    /// <summary>The last day the ingested files have events for.</summary>
    public DateOnly? DataAsOf { get; private set; }

    public IReadOnlyList<(string Root, string Name, long Events)> TopRoots { get; private set; } = [];

    /// <summary>The drill-down: by date then id, events identical in every shown field merged, with how many GDELT records each is.</summary>
    public IReadOnlyList<(EventRow Event, int Records)> Events { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; } = [];
    public bool StoreExists => queries.StoreExists;

    /// <summary>The store was written by an earlier version of Puente (decision 0011).</summary>
    public bool StoreOutdated { get; private set; }

    /// <summary>An ingest holds the store (decision 0012): the page says so instead of waiting.</summary>
    public bool StoreBusy { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = EventQuery.Parse(Dyad, By, From, To, Errors, t);
        if (query is null)
        {
            return;
        }

        try
        {
            DataAsOf = await queries.DataAsOfAsync(cancellationToken);
            Rows = await queries.SummaryAsync(query.Dyad, query.By, query.From, query.To, cancellationToken);
            Layout(query.By);
            if (Period is not null && PeriodRange(Period, query.By) is { } range)
            {
                var culture = CultureInfo.CurrentUICulture;
                TopRoots = (await queries.RootsAsync(query.Dyad, query.By, range.From, range.To, cancellationToken))
                    .Where(r => r.Period == Period).OrderByDescending(r => r.Events).Take(10)
                    .Select(r => (r.Root, CameoReference.Shared.Describe(r.Root, culture), r.Events)).ToList();
                Events = Merge(await queries.EventsAsync(query.Dyad, range.From, range.To, null, DrillDownLimit, cancellationToken));
            }
        }
        catch (EventStoreFormatException)
        {
            StoreOutdated = true;
        }
        catch (EventStoreBusyException)
        {
            StoreBusy = true;
        }
    }

    /// <summary>Puts the rows on a continuous time axis and collapses each run of empty periods into one table entry.</summary>
    private void Layout(Period by)
    {
        if (Rows.Count == 0)
        {
            return;
        }

        var byPeriod = Rows.ToDictionary(r => r.Period, StringComparer.Ordinal);
        var periods = EventMeasures.PeriodsBetween(Rows[0].Period, Rows[^1].Period, by, MaxSlots + 1);
        TooManyPeriods = periods.Count > MaxSlots;
        Slots = TooManyPeriods ? [] : [.. periods.Select(p => new Slot(p, byPeriod.GetValueOrDefault(p)))];

        var table = new List<TableEntry>();
        for (var i = 0; i < Rows.Count; i++)
        {
            table.Add(new TableEntry(Rows[i], Rows[i].Period, Rows[i].Period, 0));
            if (i + 1 < Rows.Count)
            {
                var empty = EventMeasures.PeriodsApart(Rows[i].Period, Rows[i + 1].Period, by) - 1;
                if (empty > 0)
                {
                    var first = EventMeasures.PeriodLabel(EventMeasures.PeriodEnd(Rows[i].Period, by).AddDays(1), by);
                    var last = EventMeasures.PeriodLabel(EventMeasures.PeriodStart(Rows[i + 1].Period, by).AddDays(-1), by);
                    table.Add(new TableEntry(null, first, last, empty));
                }
            }
        }

        Table = table;
    }

    /// <summary>
    /// GDELT codes one article's event several times (the same actors, code, place and source under different ids); the
    /// drill-down shows such records once, with their count, sorted by date and then id.
    /// </summary>
    private static List<(EventRow Event, int Records)> Merge(IEnumerable<EventRow> events) =>
        [.. events.OrderBy(e => e.Date).ThenBy(e => e.GlobalEventId)
            .GroupBy(e => (e.Date, e.Actor1, e.Actor1Country, e.EventCode, e.Actor2, e.Actor2Country, e.Goldstein, e.Place, e.SourceUrl))
            .Select(g => (g.First(), g.Count()))];

    /// <summary>The first and last day of a period label.</summary>
    public static (DateOnly From, DateOnly To)? PeriodRange(string period, Period by)
    {
        var c = CultureInfo.InvariantCulture;
        return by switch
        {
            Puente.Events.Measures.Period.Day when IsoDate.TryParse(period, out var d) => (d, d),
            Puente.Events.Measures.Period.Week when IsoDate.TryParse(period, out var w) => (w, w.AddDays(6)),
            Puente.Events.Measures.Period.Month when IsoDate.TryParse(period + "-01", out var m) => (m, m.AddMonths(1).AddDays(-1)),
            Puente.Events.Measures.Period.Year when int.TryParse(period, NumberStyles.None, c, out var y) && y is > 1900 and < 2200 => (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)),
            _ => null,
        };
    }

    /// <summary>Bar height: the count, or per 1,000 GDELT events of the period when normalized.</summary>
    public double Value(SummaryRow row, long count) => Normalize ? (row.GdeltEvents == 0 ? 0 : count * 1000.0 / row.GdeltEvents) : count;

    public string Link(string? period) =>
        Url.Page("/Events/Index", new { Dyad, By, From, To, Normalize, Period = period }) ?? "";

    /// <summary>A period on the chart's time axis; <see cref="Row"/> is null when it had no events.</summary>
    public sealed record Slot(string Period, SummaryRow? Row);

    /// <summary>A period with events (<see cref="Row"/>), or a run of <see cref="EmptyPeriods"/> periods without, <see cref="First"/> to <see cref="Last"/>.</summary>
    public sealed record TableEntry(SummaryRow? Row, string First, string Last, int EmptyPeriods);
}
