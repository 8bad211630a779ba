using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Text;
using Puente.Core.Water;
using Puente.Data.Water;

namespace Puente.Web.Features.Water;

/// <summary>
/// Where Editors record Rio Grande deliveries (one, or a weekly table), correct or withdraw recent ones, and record
/// movements of Mexico's Colorado reserve.
/// </summary>
[Authorize(Policy = Policies.Editors)]
public sealed class RecordModel(WaterService water, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>How many recent deliveries the page lists for correction or withdrawal.</summary>
    public const int RecentCount = 20;

    public ImportResult? Import { get; private set; }
    public string? ReserveError { get; private set; }
    public string? FileError { get; private set; }
    public string? DeliveryMessage { get; private set; }
    public IReadOnlyList<WaterDeliveryRecord> Recent { get; private set; } = [];

    /// <summary>The one-delivery form: empty to record a new delivery, or the delivery being corrected (<see cref="Id"/>, <see cref="Version"/>).</summary>
    [BindProperty] public Guid? Id { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Volume { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Document { get; set; }

    /// <summary>Shows the page; with <paramref name="edit"/>, the form holds that delivery for correction.</summary>
    public async Task OnGetAsync(Guid? edit, CancellationToken ct)
    {
        Recent = await water.RecentAsync(RecentCount, ct);
        if (edit is { } id && Recent.FirstOrDefault(d => d.Id == id && !d.Withdrawn) is { } d)
        {
            (Id, Version, Date, Unit, Source, Document) = (d.Id, d.Version, d.Date.ToString(IsoDate.Format, CultureInfo.InvariantCulture), "AF", d.Source.ToString(), d.DocumentReference);
            Volume = d.VolumeAf.ToString("#,0.######", CultureInfo.CurrentCulture);
        }
    }

    /// <summary>Records one delivery, or corrects the one in the form: checked as one record, the volume read as the user's language writes numbers.</summary>
    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var fields = new DeliveryFields(Date ?? "", Volume ?? "", Unit ?? "AF", Source ?? "", Document);
        await WriteAsync(() => Id is { } id
            ? water.CorrectAsync(id, Version ?? -1, fields, CultureInfo.CurrentCulture, ct)
            : water.AddAsync(fields, CultureInfo.CurrentCulture, ct));
        return await PageAsync(ct);
    }

    /// <summary>Withdraws a recent delivery with a reason (kept as a record, no longer counted).</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid withdrawId, int withdrawVersion, string? reason, CancellationToken ct)
    {
        await WriteAsync(() => water.WithdrawAsync(withdrawId, withdrawVersion, reason, ct), withdrawing: true);
        return await PageAsync(ct);
    }

    /// <summary>Import a weekly table (CSV): all valid rows or none, unless the user asks for the valid rows only.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, bool validRowsOnly, CancellationToken ct)
    {
        if (file is null || file.Length == 0 || file.Length > DeliveryImport.MaxBytes)
        {
            FileError = t["Choose a CSV file (at most 5 MB)."];
            return await PageAsync(ct);
        }

        using var reader = new StreamReader(file.OpenReadStream());
        try
        {
            Import = await water.ImportAsync(await reader.ReadToEndAsync(ct), validRowsOnly, ct);
        }
        catch (DbUpdateException e) when (UniqueConflict.From(e) is { } conflict)
        {
            FileError = t.Localize(conflict) + " " + t["Nothing was written; import the table again to see which rows are already recorded."];
        }

        return await PageAsync(ct);
    }

    /// <summary>Record a movement of Mexico's Colorado reserve.</summary>
    public async Task<IActionResult> OnPostReserveAsync(string? reserveDate, string? kind, decimal? volumeAf, string? reserveDocument, CancellationToken ct)
    {
        // The kind is parsed by name like everywhere else: a number or an unknown name must not become a Deferral.
        if (!EnumText.TryParse<ReserveMovementKind>(kind, out var movementKind))
        {
            ReserveError = t["The kind is Deferral, ScarcitySavings or Recovery."];
        }
        else if (!IsoDate.TryParse(reserveDate, out var d) || volumeAf is null)
        {
            ReserveError = t["Give a date and a volume."];
        }
        else if (await water.AddReserveMovementAsync(new ReserveMovement(d, movementKind, volumeAf.Value, reserveDocument), ct) is { } problem)
        {
            ReserveError = t.Localize(problem.Problem);
        }
        else
        {
            TempData["Message"] = t["Saved."].Value;
        }

        return await PageAsync(ct);
    }

    private async Task WriteAsync(Func<Task<DeliveryWrite>> write, bool withdrawing = false)
    {
        try
        {
            var result = await write();
            switch (result.Outcome)
            {
                case DeliveryWriteOutcome.Written:
                    DeliveryMessage = withdrawing ? t["The delivery was withdrawn: it is kept, but no longer counted."] : t["Delivery saved."];
                    (Id, Version, Date, Volume, Document) = (null, null, null, null, null);
                    ModelState.Clear();
                    break;
                case DeliveryWriteOutcome.NotFound:
                    ModelState.AddModelError("", t["No such record, or you have no access to it."]);
                    break;
                case DeliveryWriteOutcome.Stale:
                    ModelState.AddModelError("", t["The record was changed by someone else. Reload it and apply your change again."]);
                    break;
                default:
                    foreach (var e in result.Errors)
                    {
                        ModelState.AddModelError(e.Field, t.Localize(e.Problem));
                    }

                    break;
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", t["The record was changed by someone else. Reload it and apply your change again."]);
        }
        catch (DbUpdateException e) when (UniqueConflict.From(e) is { } conflict)
        {
            ModelState.AddModelError(ConflictText.Field(conflict), t.Localize(conflict));
        }
    }

    private async Task<PageResult> PageAsync(CancellationToken ct)
    {
        Recent = await water.RecentAsync(RecentCount, ct);
        return Page();
    }
}
