using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Localization;
using Puente.Core.Water;
using Puente.Data.Water;
using Puente.Core.Text;

namespace Puente.Web.Features.Water;

/// <summary>Treaty water accounting: the Rio Grande cycle in force and the Colorado River allotment.</summary>
public sealed class IndexModel(TimeProvider time, WaterService water) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public string? Units { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? Elevation { get; set; }

    public DateOnly Date { get; private set; }
    public CycleHistory? Cycle { get; private set; }

    /// <summary>Every cycle, with early closures from the recorded storage readings.</summary>
    public IReadOnlyList<CycleHistory> Cycles { get; private set; } = [];
    public RioGrandeStatus? Status { get; private set; }
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
        Cycle = WaterService.CycleOn(Date, await water.RecordedAsync(ct), readings);
        Cycles = WaterService.Cycles(readings);
        Reserve = await water.ReserveAsync(ct);
        if (Cycle is not null)
        {
            Status = RioGrandeLedger.Status(Cycle.Cycle, Cycle.Deliveries, Date);
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

    /// <summary>A volume in the chosen unit, with the other in parentheses.</summary>
    public string Volume(decimal acreFeet)
    {
        var c = CultureInfo.CurrentCulture;
        var af = acreFeet.ToString("N0", c) + " AF";
        var mm3 = WaterUnits.ToMillionCubicMetres(acreFeet).ToString("N1", c) + " hm³";
        return MillionCubicMetres ? $"{mm3} ({af})" : $"{af} ({mm3})";
    }
}
