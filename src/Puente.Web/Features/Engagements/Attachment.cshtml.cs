using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Puente.Core.Memory;

namespace Puente.Web.Features.Engagements;

/// <summary>
/// An attachment's download for the signed-in browser (the API's download wants a bearer token). Whoever can read the
/// engagement can read it; it is always a download, never shown inline, and the browser must not sniff its type.
/// </summary>
public sealed class AttachmentModel(EngagementService engagements) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid engagementId, Guid attachmentId, CancellationToken ct)
    {
        if (await engagements.DownloadAsync(engagementId, attachmentId, ct) is not { } file)
        {
            return NotFound();
        }

        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return File(file.Data, AttachmentTypes.ContentType(file.Attachment.Type), file.Attachment.FileName);
    }
}
