using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Puente.Web.Features.Commitments;

/// <summary>The status form's model: the commitment, what was entered, and the errors by field.</summary>
public sealed record StatusFormModel(Guid Id, StatusInput Input, Dictionary<string, string[]>? Errors);

/// <summary>Records a commitment's status change (posted from its details page); shows the form again with the errors.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class StatusModel(CommitmentService commitments, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public StatusInput Input { get; set; } = new();

    public StatusFormModel Form { get; private set; } = null!;
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await commitments.FindAsync(id, track: false, ct) is not { } c)
        {
            return NotFound();
        }

        return Redirect($"/Commitments/Details/{c.Id}");
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var existing = await commitments.FindAsync(id, track: true, ct);
        if (existing is null)
        {
            return NotFound();
        }

        Title = Core.Localization.Bilingual.Pick(existing.NameEn, existing.NameEs, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            var (change, errors) = await commitments.AddStatusAsync(existing, Input, ct);
            if (change is not null)
            {
                TempData["Message"] = t["Status recorded."].Value;
                return Redirect($"/Commitments/Details/{existing.Id}");
            }

            Form = new StatusFormModel(existing.Id, Input, errors.ToDictionary());
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueConflict.From(e) is not null)
        {
            Form = new StatusFormModel(existing.Id, Input, new() { [""] = [t["Someone recorded a status change of this commitment at the same time. Reload it and record yours again."]] });
        }

        return Page();
    }
}
