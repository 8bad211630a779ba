using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Webhooks;

namespace Puente.Web.Features.Admin.Webhooks;

/// <summary>
/// <c>/Admin/Webhooks</c>: the webhooks of the administrator's side — list, create (the secret is shown in the answer
/// to the create, once), switch on or off, rotate the secret (shown once), delete. Another side's are never listed and
/// cannot be acted on (not found).
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class IndexModel(WebhookService hooks, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public WebhookInput Input { get; set; } = new() { Events = [.. WebhookEvents.All], Enabled = true };

    public List<WebhookDto> Webhooks { get; private set; } = [];

    /// <summary>A secret just made, and for which subscription: shown in this answer only.</summary>
    public (Guid Id, string Name, string Secret)? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Webhooks = await hooks.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (subscription, secret, errors) = await hooks.CreateAsync(Input, ct);
        if (subscription is null)
        {
            errors.CopyTo(ModelState);
            Webhooks = await hooks.ListAsync(ct);
            return Page();
        }

        return await ShowSecretAsync(subscription.Id, subscription.Name, secret!, ct);
    }

    public async Task<IActionResult> OnPostRotateAsync(Guid id, CancellationToken ct)
    {
        if (await hooks.FindAsync(id, track: true, ct) is not { } s)
        {
            return NotFound();
        }

        return await ShowSecretAsync(s.Id, s.Name, await hooks.RotateAsync(s, ct), ct);
    }

    public Task<IActionResult> OnPostEnableAsync(Guid id, string? from, CancellationToken ct) => SetEnabledAsync(id, true, from, ct);

    public Task<IActionResult> OnPostDisableAsync(Guid id, string? from, CancellationToken ct) => SetEnabledAsync(id, false, from, ct);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, bool confirm, string? from, CancellationToken ct)
    {
        if (await hooks.FindAsync(id, track: true, ct) is not { } s)
        {
            return NotFound();
        }

        if (!confirm)
        {
            TempData["Message"] = t["Tick the box to confirm the deletion of {0}.", s.Name].Value;
            return Back(id, from);
        }

        await hooks.DeleteAsync(s, ct);
        TempData["Message"] = t["Webhook {0} deleted.", s.Name].Value;
        return RedirectToPage();
    }

    private async Task<IActionResult> SetEnabledAsync(Guid id, bool enabled, string? from, CancellationToken ct)
    {
        if (await hooks.FindAsync(id, track: true, ct) is not { } s)
        {
            return NotFound();
        }

        await hooks.SetEnabledAsync(s, enabled, ct);
        TempData["Message"] = (enabled ? t["Webhook {0} switched on.", s.Name] : t["Webhook {0} switched off.", s.Name]).Value;
        return Back(id, from);
    }

    /// <summary>Back to the page the action came from: the details page, or this list.</summary>
    private RedirectResult Back(Guid id, string? from) => Redirect(from == "details" ? $"/Admin/Webhooks/{id}" : "/Admin/Webhooks");

    /// <summary>Renders the list with the secret in this answer, which no cache may keep.</summary>
    private async Task<IActionResult> ShowSecretAsync(Guid id, string name, string secret, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        NewSecret = (id, name, secret);
        ModelState.Clear();
        Input = new() { Events = [.. WebhookEvents.All], Enabled = true };
        Webhooks = await hooks.ListAsync(ct);
        return Page();
    }
}
