using Microsoft.AspNetCore.Mvc;

namespace Puente.Web.Features.Notifications;

/// <summary>The navigation's link to the notifications, with the number of unread ones the reader can read.</summary>
public sealed class NotificationBadgeViewComponent(NotificationFeed feed) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await feed.CountUnreadAsync(HttpContext.RequestAborted));
}
