using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Puente.Web.Features.Alerts;

/// <summary>Where Editors take an alert's next lifecycle step (acknowledge, resolve, dismiss with a reason): the forms
/// alone, and their post (anti-forgery checked). A refused step shows why beside the forms.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class StepModel(AlertService alerts, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public AlertStepInput Input { get; set; } = new();

    public AlertDetailDto View { get; private set; } = null!;

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    /// <summary>The step last posted (its reason is shown again beside its form).</summary>
    public string? Posted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await alerts.FindAsync(id, track: false, ct) is not { } alert)
        {
            return NotFound();
        }

        View = await alerts.DetailAsync(alert, CultureInfo.CurrentUICulture, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(string id, CancellationToken ct) => TakeAsync(id, AlertStep.Acknowledge, ct);

    public Task<IActionResult> OnPostResolveAsync(string id, CancellationToken ct) => TakeAsync(id, AlertStep.Resolve, ct);

    public Task<IActionResult> OnPostDismissAsync(string id, CancellationToken ct) => TakeAsync(id, AlertStep.Dismiss, ct);

    private async Task<IActionResult> TakeAsync(string id, AlertStep step, CancellationToken ct)
    {
        if (await alerts.FindAsync(id, track: true, ct) is not { } alert)
        {
            return NotFound();
        }

        Posted = step.ToString();
        try
        {
            var outcome = await alerts.StepAsync(alert, step, Input, ct);
            if (outcome.Done)
            {
                TempData["Message"] = step switch
                {
                    AlertStep.Acknowledge => t["Alert acknowledged."].Value,
                    AlertStep.Resolve => t["Alert resolved."].Value,
                    _ => t["Alert dismissed."].Value,
                };
                return Redirect($"/Alerts/{alert.Id}");
            }

            Errors = outcome.Errors.ToDictionary();
            if (outcome.Conflict is { } conflict)
            {
                Errors[""] = [conflict];
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            Errors[""] = [t["The alert was changed by someone else meanwhile. Here it is as it is now: take your step again if it still applies."]];
            if (await alerts.FindAsync(id, track: false, ct) is { } fresh)
            {
                alert = fresh;
            }
        }

        View = await alerts.DetailAsync(alert, CultureInfo.CurrentUICulture, ct);
        return Page();
    }
}
