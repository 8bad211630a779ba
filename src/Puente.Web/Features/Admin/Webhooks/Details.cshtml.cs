using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Features.Admin.Webhooks;

/// <summary><c>/Admin/Webhooks/{id}</c>: one webhook of the administrator's side and its delivery log, newest first, paged.
/// Another side's is not found.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class DetailsModel(WebhookService hooks) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public WebhookDto Webhook { get; private set; } = null!;

    public List<WebhookAttemptDto> Attempts { get; private set; } = [];

    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await hooks.FindAsync(id, track: false, ct) is not { } s)
        {
            return NotFound();
        }

        PageNumber = Math.Clamp(PageNumber, 1, Api.ApiResults.MaxPage);
        Webhook = await hooks.DescribeAsync(s, null, ct);
        var (items, total) = await hooks.AttemptsAsync(id, PageNumber, PageSize, ct);
        Attempts = items;
        Pager = new PagerModel(PageNumber, PageSize, total, Request);
        return Page();
    }
}
