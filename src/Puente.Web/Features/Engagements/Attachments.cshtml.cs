using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Memory;

namespace Puente.Web.Features.Engagements;

/// <summary>Editors upload files to an engagement and remove them; the service checks the type by content and the size.</summary>
[Authorize(Policy = Policies.Editors)]
[RequestSizeLimit(EngagementsApi.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = EngagementsApi.UploadLimit)]
public sealed class AttachmentsModel(EngagementService engagements, IStringLocalizer<SharedResource> t) : PageModel
{
    public Engagement Engagement { get; private set; } = null!;
    public List<AttachmentDto> Attachments { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(string id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            Problem = t["Choose a file."];
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var (attachment, problem) = await engagements.AttachAsync(Engagement, file.FileName, stream, ct);
        if (attachment is null)
        {
            Problem = problem;
            return Page();
        }

        TempData["Message"] = t["Saved."].Value;
        return Redirect($"/Engagements/Attachments/{Engagement.Id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, Guid attachmentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !await engagements.DetachAsync(Engagement.Id, attachmentId, ct))
        {
            return NotFound();
        }

        TempData["Message"] = t["Removed."].Value;
        return Redirect($"/Engagements/Attachments/{Engagement.Id}");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await engagements.FindAsync(id, track: false, ct) is not { } engagement)
        {
            return false;
        }

        Engagement = engagement;
        Attachments = await engagements.AttachmentsAsync(engagement, Request.PathBase, ct);
        return true;
    }
}
