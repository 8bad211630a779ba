using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Features.Notifications;

/// <summary>The signed-in user's notifications, newest first, with what each record's source says about it.</summary>
public sealed class IndexModel(NotificationFeed feed, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<NotificationFeed.Item> Items { get; private set; } = [];

    public ReaderTimeZone Zone { get; private set; } = ReaderTimeZone.Utc;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Zone = ReaderTimeZone.From(Request);
        Items = await feed.ListAsync(unreadOnly: false, ct);
    }

    /// <summary>Marks one read (only the reader's own, and only one they can read) and comes back to the list.</summary>
    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        if (!await feed.MarkReadAsync(id, ct))
        {
            return NotFound();
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var marked = await feed.MarkAllReadAsync(ct);
        TempData["Message"] = marked == 1 ? t["One notification marked as read."].Value : t["{0} notifications marked as read.", marked].Value;
        return RedirectToPage();
    }
}
