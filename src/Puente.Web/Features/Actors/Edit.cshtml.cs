using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Puente.Core.Catalog;
using Puente.Data;
using Puente.Web.Features.Records;

namespace Puente.Web.Features.Actors;

public sealed class EditModel(ActorService actors, PuenteDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ActorInput Input { get; set; } = new();

    [BindProperty]
    public string? GrantsText { get; set; }

    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public List<Track> Tracks { get; private set; } = [];
    public AccessFieldsModel AccessFields => new(Input.Confidentiality, Input.OwnerSide, GrantsText ?? "", ModelState);

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        Tracks = await db.Tracks.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct);
        if (id is null)
        {
            Input = new ActorInput { Confidentiality = "Shared", OwnerSide = db.Viewer.Side?.ToString(), Country = "MX", Type = nameof(ActorType.Agency), Level = nameof(GovernmentLevel.Federal) };
            return Page();
        }

        var actor = await actors.FindAsync(id, track: false, ct);
        if (actor is null)
        {
            return NotFound();
        }

        Id = actor.Id;
        var grants = await RecordAccess.DescribeGrantsAsync(db, actor.Id, ct);
        Input = ActorInput.From(actor, grants);
        GrantsText = string.Join(", ", grants);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        Tracks = await db.Tracks.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct);
        Actor? existing = null;
        if (id is not null)
        {
            existing = await actors.FindAsync(id, track: true, ct);
            if (existing is null)
            {
                return NotFound();
            }

            Id = existing.Id;
        }

        Input.Grants = AccessFieldsModel.ParseGrants(GrantsText);
        try
        {
            var (actor, errors) = await actors.SaveAsync(Input, existing, ct);
            if (actor is null)
            {
                errors.CopyTo(ModelState);
                return Page();
            }

            TempData["Message"] = t["Saved."].Value;
            return Redirect($"/Actors/Details/{actor.Id}");
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", t["The record was changed by someone else. Reload it and apply your change again."]);
            return Page();
        }
    }
}
