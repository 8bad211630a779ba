using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Localization;
using Puente.Core.Water;
using Microsoft.Extensions.Localization;
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

    /// <summary>Every cycle, with early closures from the recorded storage readings.</summary>
    public IReadOnlyList<CycleHistory> Cycles { get; private set; } = [];
    public RioGrandeStatus? Status { get; private set; }
    public ColoradoAllotment? Allotment { get; private set; }
    public string? Error { get; private set; }
    public bool MillionCubicMetres => Units is null ? Bilingual.IsSpanish(CultureInfo.CurrentUICulture) : Units == "mm3";

    public ImportResult? Import { get; private set; }
    public IReadOnlyList<ReserveMovement> Reserve { get; private set; } = [];
    public string? ReserveError { get; private set; }

    /// <summary>Record a movement of Mexico's Colorado reserve (Editors and Administrators).</summary>
    public async Task<IActionResult> OnPostReserveAsync(string? date, ReserveMovementKind kind, decimal? volumeAf, string? document, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!IsoDate.TryParse(date, out var d) || volumeAf is null)
        {
            ReserveError = t["Give a date and a volume."];
        }
        else
        {
            ReserveError = await water.AddReserveMovementAsync(new ReserveMovement(d, kind, volumeAf.Value, document), ct);
        }

        await OnGetAsync(ct);
        return Page();
    }

    public bool CanEdit => User.IsInRole(Core.Access.Roles.Administrator) || User.IsInRole(Core.Access.Roles.Editor);

    /// <summary>Enter one delivery (Editors and Administrators).</summary>
    public async Task<IActionResult> OnPostAddAsync(string? date, string? volume, string? unit, string? source, string? document, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!IsoDate.TryParse(date, out var d))
        {
            Import = new ImportResult(new DeliveryTable([], [new RowError(2, "date", t["A date is written YYYY-MM-DD."])], 1), 0);
        }
        else
        {
            Import = await water.AddAsync(d, volume ?? "", unit ?? "AF", source ?? "", document, ct);
        }

        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>Import a weekly table (CSV): all valid rows or none, unless the user asks for the valid rows only.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, bool validRowsOnly, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (file is null || file.Length == 0 || file.Length > 5_000_000)
        {
            Import = new ImportResult(new DeliveryTable([], [new RowError(1, "file", t["Choose a CSV file (at most 5 MB)."])], 0), 0);
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream());
            Import = await water.ImportAsync(await reader.ReadToEndAsync(ct), validRowsOnly, ct);
        }

        await OnGetAsync(ct);
        return Page();
    }

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
        if (Elevation is { } e and >= 800 and <= 1300)
        {
            try
            {
                Allotment = ColoradoCalculator.Allotment(WaterData.ColoradoRules, Year.Value, e);
            }
            catch (InvalidOperationException)
            {
                Error = "minute";
            }
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
