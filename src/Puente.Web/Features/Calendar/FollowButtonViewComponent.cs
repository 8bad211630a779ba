using Microsoft.AspNetCore.Mvc;
using Puente.Data.Calendar;

namespace Puente.Web.Features.Calendar;

/// <summary>Follow / Stop following, on a record's page (the record is one the reader can read: the page shows it).</summary>
public sealed class FollowButtonViewComponent(FollowService follows) : ViewComponent
{
    /// <summary>What the button posts, and whether the reader follows the record now.</summary>
    public sealed record Model(FollowSubject Type, Guid Id, bool Following, string ReturnUrl);

    public async Task<IViewComponentResult> InvokeAsync(FollowSubject type, Guid id) =>
        View(new Model(type, id, await follows.IsFollowedAsync(type, id, HttpContext.RequestAborted),
            HttpContext.Request.Path + HttpContext.Request.QueryString));
}
