using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Text;
using Puente.Core.Water;
using Puente.Data.Water;

namespace Puente.Web.Features.Water;

/// <summary>Where Editors record Rio Grande deliveries (one, or a weekly table) and movements of Mexico's Colorado reserve.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class RecordModel(WaterService water, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The largest delivery table the form takes.</summary>
    public const int MaxFileBytes = 5_000_000;

    public ImportResult? Import { get; private set; }
    public string? ReserveError { get; private set; }
    public string? FileError { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Enter one delivery.</summary>
    public async Task<IActionResult> OnPostAddAsync(string? date, string? volume, string? unit, string? source, string? document, CancellationToken ct)
    {
        Import = IsoDate.TryParse(date, out var d)
            ? await water.AddAsync(d, volume ?? "", unit ?? "AF", source ?? "", document, ct)
            : new ImportResult(new DeliveryTable([], [new RowError(2, "date", WaterProblems.NotADate.With(date ?? ""))], 1), 0);
        return Page();
    }

    /// <summary>Import a weekly table (CSV): all valid rows or none, unless the user asks for the valid rows only.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, bool validRowsOnly, CancellationToken ct)
    {
        if (file is null || file.Length == 0 || file.Length > MaxFileBytes)
        {
            FileError = t["Choose a CSV file (at most 5 MB)."];
            return Page();
        }

        using var reader = new StreamReader(file.OpenReadStream());
        Import = await water.ImportAsync(await reader.ReadToEndAsync(ct), validRowsOnly, ct);
        return Page();
    }

    /// <summary>Record a movement of Mexico's Colorado reserve.</summary>
    public async Task<IActionResult> OnPostReserveAsync(string? date, ReserveMovementKind kind, decimal? volumeAf, string? document, CancellationToken ct)
    {
        if (!IsoDate.TryParse(date, out var d) || volumeAf is null)
        {
            ReserveError = t["Give a date and a volume."];
        }
        else if (await water.AddReserveMovementAsync(new ReserveMovement(d, kind, volumeAf.Value, document), ct) is { } problem)
        {
            ReserveError = t.Localize(problem);
        }
        else
        {
            TempData["Message"] = t["Saved."].Value;
        }

        return Page();
    }
}
