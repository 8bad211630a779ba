using Microsoft.AspNetCore.Mvc;

namespace Puente.Web.Features.Notifications;

/// <summary>The navigation's link to the notifications, with the number of unread ones the reader can read.</summary>
public sealed class NotificationBadgeViewComponent(NotificationFeed feed) : ViewComponent
{
    /// <remarks>Not on the error page: it must render even when the database is what failed.</remarks>
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(HttpContext.Request.Path.StartsWithSegments("/Error") ? 0 : await feed.CountUnreadAsync(HttpContext.RequestAborted));
}
