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

    public IReadOnlyList<SummaryRow> Rows { get; private set; } = [];
    public IReadOnlyList<(string Root, string Name, long Events)> TopRoots { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
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
            Rows = await queries.SummaryAsync(query.Dyad, query.By, query.From, query.To, cancellationToken);
            if (Period is not null && PeriodRange(Period, query.By) is { } range)
            {
                var culture = CultureInfo.CurrentUICulture;
                TopRoots = (await queries.RootsAsync(query.Dyad, query.By, range.From, range.To, cancellationToken))
                    .Where(r => r.Period == Period).OrderByDescending(r => r.Events).Take(10)
                    .Select(r => (r.Root, CameoReference.Shared.Describe(r.Root, culture), r.Events)).ToList();
                Events = await queries.EventsAsync(query.Dyad, range.From, range.To, null, 100, cancellationToken);
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
}
