using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Puente.Core.Catalog;
using Puente.Data;
using Puente.Web.Features.Records;

namespace Puente.Web.Features.Mechanisms;

public sealed class EditModel(MechanismService mechanisms, PuenteDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public MechanismInput Input { get; set; } = new();

    [BindProperty]
    public string? GrantsText { get; set; }

    [BindProperty]
    public string? ParticipantsText { get; set; }

    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public List<Track> Tracks { get; private set; } = [];
    public AccessFieldsModel AccessFields => new(Input.Confidentiality, Input.OwnerSide, GrantsText ?? "", ModelState);

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        Tracks = await db.Tracks.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct);
        if (id is null)
        {
            Input = new MechanismInput { Confidentiality = "Shared", OwnerSide = db.Viewer.Side?.ToString(), Cadence = nameof(Cadence.Annual) };
            ParticipantsText = "MX, US";
            return Page();
        }

        var mechanism = await mechanisms.FindAsync(id, track: false, ct);
        if (mechanism is null)
        {
            return NotFound();
        }

        Id = mechanism.Id;
        var grants = await RecordAccess.DescribeGrantsAsync(db, mechanism.Id, ct);
        Input = MechanismInput.From(mechanism, grants);
        GrantsText = string.Join(", ", grants);
        ParticipantsText = mechanism.Participants.Replace(",", ", ", StringComparison.Ordinal);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        Tracks = await db.Tracks.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct);
        Mechanism? existing = null;
        if (id is not null)
        {
            existing = await mechanisms.FindAsync(id, track: true, ct);
            if (existing is null)
            {
                return NotFound();
            }

            Id = existing.Id;
        }

        Input.Grants = AccessFieldsModel.ParseGrants(GrantsText);
        Input.Participants = AccessFieldsModel.ParseGrants(ParticipantsText);
        try
        {
            var (mechanism, errors) = await mechanisms.SaveAsync(Input, existing, ct);
            if (mechanism is null)
            {
                errors.CopyTo(ModelState);
                return Page();
            }

            TempData["Message"] = t["Saved."].Value;
            return Redirect($"/Mechanisms/Details/{mechanism.Id}");
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", t["The record was changed by someone else. Reload it and apply your change again."]);
            return Page();
        }
    }
}
