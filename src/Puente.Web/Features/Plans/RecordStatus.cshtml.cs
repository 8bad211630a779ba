using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Puente.Web.Features.Plans;

/// <summary>Where Editors record a recommendation's status change: the form alone, and its post (anti-forgery checked).</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class RecordStatusModel(PlanService plans, IStringLocalizer<SharedResource> t, TimeProvider time) : PageModel
{
    [BindProperty] public StatusChangeInput Input { get; set; } = new();

    public RecommendationDetailDto Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await plans.FindRecommendationAsync(code, track: false, ct) is not { } record)
        {
            return NotFound();
        }

        Detail = await plans.DetailAsync(record, System.Globalization.CultureInfo.CurrentUICulture, ct);
        Input.Status ??= record.Status.ToString();
        Input.Date ??= DateOnly.FromDateTime(ReaderTimeZone.From(Request).InZone(time.GetUtcNow().UtcDateTime).DateTime)
            .ToString(Core.Text.IsoDate.Format, System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await plans.FindRecommendationAsync(code, track: true, ct) is not { } record)
        {
            return NotFound();
        }

        try
        {
            var errors = await plans.RecordStatusAsync(record, Input, ct);
            if (!errors.Any)
            {
                TempData["Message"] = t["Status recorded."].Value;
                return Redirect($"/Recommendations/{record.Code}");
            }

            errors.CopyTo(ModelState);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueConflict.From(e) is not null)
        {
            ModelState.AddModelError("", t["Someone recorded a status change of this recommendation at the same time. Reload it and record yours again."]);
        }

        Detail = await plans.DetailAsync(record, System.Globalization.CultureInfo.CurrentUICulture, ct);
        return Page();
    }
}
