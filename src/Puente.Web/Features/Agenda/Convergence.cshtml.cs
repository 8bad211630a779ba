using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Features.Agenda;

/// <summary>Records a convergence assessment of an issue (posted from the issue's page); shows the form again with the errors.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class ConvergenceModel(AgendaService agenda, PuenteDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ConvergenceInput Input { get; set; } = new();

    public ConvergenceFormModel Form { get; private set; } = null!;
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) =>
        await agenda.FindAsync(code, track: false, ct) is { } issue ? Redirect($"/Issues/{issue.Code}") : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await agenda.FindAsync(code, track: false, ct) is not { } issue)
        {
            return NotFound();
        }

        Title = Core.Localization.Bilingual.Pick(issue.NameEn, issue.NameEs, System.Globalization.CultureInfo.CurrentUICulture);
        var (assessment, errors) = await agenda.AddConvergenceAsync(issue, Input, ct);
        if (assessment is not null)
        {
            TempData["Message"] = t["Assessment recorded."].Value;
            return Redirect($"/Issues/{issue.Code}#convergence-title");
        }

        Form = new ConvergenceFormModel(issue.Code, Input, errors.ToDictionary(), db.Viewer.Side);
        return Page();
    }
}
