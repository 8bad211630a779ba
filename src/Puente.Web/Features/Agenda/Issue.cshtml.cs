using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Access;

namespace Puente.Web.Features.Agenda;

/// <summary>
/// One agenda issue: its text, owner post and holder today, mechanisms, each side's positions the reader may read
/// (newest first), the convergence history, and the readable commitments, indicators, playbooks and crises that name it.
/// Editors find the forms here; they post to the editor-only pages (owner and mechanisms, assessments).
/// </summary>
public sealed class IssueModel(AgendaService agenda, PuenteDbContext db) : PageModel
{
    public IssueView View { get; private set; } = null!;

    public bool CanEdit => Policies.AllowsWriting(User);

    /// <summary>The reader's side when it is one government's: the only side whose position they may write.</summary>
    public Side? WriterSide { get; private set; }

    /// <summary>Today (UTC) as YYYY-MM-DD, the assessment form's default date.</summary>
    public string Today => agenda.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The assessment form after a refused post (from the Convergence page), or a new one.</summary>
    public ConvergenceFormModel Form { get; set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await agenda.FindAsync(code, track: false, ct) is not { } issue)
        {
            return NotFound();
        }

        View = await agenda.ViewAsync(issue, CultureInfo.CurrentUICulture, ct);
        var side = db.Viewer.Side;
        WriterSide = side is Side.MX or Side.US ? side : null;
        Form = new ConvergenceFormModel(issue.Code, new ConvergenceInput { Date = Today, Level = nameof(Core.Agenda.Convergence.Partly) }, null, side);
        return Page();
    }
}

/// <summary>The assessment form's model: the issue, what was entered, the errors by field, and the assessor's side.</summary>
public sealed record ConvergenceFormModel(string Code, ConvergenceInput Input, Dictionary<string, string[]>? Errors, Side? Side)
{
    public string? Error(string field) => Errors?.GetValueOrDefault(field) is { Length: > 0 } m ? string.Join(" ", m) : null;
}
