using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Localization;
using Puente.Core.Water;
using Puente.Data.Water;
using Puente.Core.Text;

namespace Puente.Web.Features.Water;

/// <summary>Treaty water accounting: the Rio Grande cycle in force and the Colorado River allotment.</summary>
public sealed class IndexModel(TimeProvider time, WaterService water, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public string? Units { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? Elevation { get; set; }

    public DateOnly Date { get; private set; }
    public CycleHistory? Cycle { get; private set; }

    /// <summary>Every cycle, with early closures from the recorded storage readings, and its status on its last day.</summary>
    public IReadOnlyList<HistoryRow> Cycles { get; private set; } = [];

    /// <summary>The cycle in force, carrying the deficit the ledger uses (see <see cref="CycleHistory.CarriedDeficitKnown"/>).</summary>
    public RioGrandeStatus? Status { get; private set; }

    /// <summary>With an unsettled carried deficit: the status carrying the lowest published figure instead.</summary>
    public RioGrandeStatus? StatusWithLowestCarried { get; private set; }
    public ColoradoAllotment? Allotment { get; private set; }

    /// <summary>Why the Colorado calculator computed nothing for the typed year and elevation.</summary>
    public IReadOnlyList<FieldProblem> CalculatorProblems { get; private set; } = [];
    public string? Error { get; private set; }
    public bool MillionCubicMetres => Units is null ? Bilingual.IsSpanish(CultureInfo.CurrentUICulture) : Units == "mm3";

    public IReadOnlyList<ReserveMovement> Reserve { get; private set; } = [];

    /// <summary>Shows the link to the recording page; that page is authorized by policy.</summary>
    public bool CanEdit => Hosting.Policies.AllowsWriting(User);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (AsOf is not null && !IsoDate.TryParse(AsOf, out var parsed))
        {
            Error = "date";
        }
        else if (AsOf is not null)
        {
            Date = DateOnly.ParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var readings = await water.ReadingsAsync(ct);
        var recorded = await water.RecordedAsync(ct);
        Cycle = WaterService.CycleOn(Date, recorded, readings);
        Cycles = [.. WaterService.Cycles(readings).Select(h => new HistoryRow(h, h.Cycle.EndKind == CycleEnd.Open ? null
            : RioGrandeLedger.Status(h.Cycle, h.Deliveries.Concat(recorded.Where(d => h.Cycle.Contains(d.Date))), h.Cycle.End)))];
        Reserve = await water.ReserveAsync(ct);
        if (Cycle is not null)
        {
            Status = RioGrandeLedger.Status(Cycle.Cycle, Cycle.Deliveries, Date);
            if (!Cycle.CarriedDeficitKnown && Cycle.CarriedDeficitRangeAf is { } range && range.Low != Cycle.Cycle.CarriedDeficitAf)
            {
                StatusWithLowestCarried = RioGrandeLedger.Status(Cycle.Cycle with { CarriedDeficitAf = range.Low }, Cycle.Deliveries, Date);
            }
        }

        Year ??= Date.Year + 1;
        if (Request.Query.ContainsKey(nameof(Elevation)))
        {
            // The typed text, not the bound values: "abc" or -5 must be named, not silently dropped.
            var year = Request.Query.ContainsKey(nameof(Year)) ? Request.Query[nameof(Year)].ToString() : Year.Value.ToString(CultureInfo.InvariantCulture);
            var problems = new List<FieldProblem>();
            if (ColoradoCalculator.Read(WaterData.ColoradoRules, year, Request.Query[nameof(Elevation)], null, problems) is { } input)
            {
                Allotment = ColoradoCalculator.Allotment(WaterData.ColoradoRules, input.Year, input.ElevationFt);
            }

            CalculatorProblems = problems;
        }
    }

    /// <summary>How a cycle ended, in words: its kind and its deficit, with the range when the sources disagree.</summary>
    public string Outcome(HistoryRow row)
    {
        var (h, end) = (row.History, row.AtEnd);
        if (end is null)
        {
            return t["Open"];
        }

        if (h.Cycle.EndKind == CycleEnd.EarlyStorageFull)
        {
            return t["Closed early: the U.S. conservation storage in Amistad and Falcon filled, so all debits are deemed paid"];
        }

        var deficit = Math.Max(0m, -end.BalanceAf);
        var byMinute = h.Cycle.EndKind == CycleEnd.ByMinute;
        string text = deficit == 0
            ? t[byMinute ? "Closed by a minute without deficit" : "Ended on schedule without deficit"]
            : t[byMinute ? "Closed by a minute with a deficit of {0}" : "Ended on schedule with a deficit of {0}", Volume(deficit)];
        if (h.SourcesDisagree && h.ClosingDeficitRangeAf is { } r && h.LedgerClosingDeficit is { } used)
        {
            // Two sentences: the outcome, then the disagreement (the outcome strings carry no final period).
            text += ". " + t["The sources disagree: {0} to {1}; the ledger uses {2} ({3}).", Volume(r.Low), Volume(r.High), Volume(used.AcreFeet),
                Bilingual.Pick(used.SourceEn, used.SourceEs, CultureInfo.CurrentUICulture)];
        }

        return text;
    }

    /// <summary>A Colorado tier in the reader's language ("Tier 2a" is "Nivel 2a" in Spanish).</summary>
    public string TierName(string tier) => tier.StartsWith("Tier ", StringComparison.Ordinal)
        ? t["Tier {0}", tier["Tier ".Length..]]
        : t["Tier." + tier];

    /// <summary>A volume in the chosen unit, with the other in parentheses.</summary>
    public string Volume(decimal acreFeet)
    {
        var c = CultureInfo.CurrentCulture;
        var af = acreFeet.ToString("N0", c) + " " + t["AF"];
        var mm3 = WaterUnits.ToMillionCubicMetres(acreFeet).ToString("N1", c) + " hm³";
        return MillionCubicMetres ? $"{mm3} ({af})" : $"{af} ({mm3})";
    }

    /// <summary>A cycle of the history and its ledger status on its last day (null while it is open).</summary>
    public sealed record HistoryRow(CycleHistory History, RioGrandeStatus? AtEnd);
}
