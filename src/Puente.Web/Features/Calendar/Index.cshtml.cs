using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Features.Calendar;

/// <summary>
/// The signed-in user's calendar: the feed's secret address (shown once, after Renew; Revoke ends it) and what they
/// follow. Any signed-in user: it changes only their own follows and feed.
/// </summary>
public sealed class IndexModel(FollowService follows, CalendarFeedService feeds, IStringLocalizer<SharedResource> t) : PageModel
{
    public CalendarFeedService.Status? Feed { get; private set; }

    public IReadOnlyList<FollowService.Item> Follows { get; private set; } = [];

    /// <summary>The new address, only in the answer to Renew.</summary>
    public string? NewUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        var secret = await feeds.RenewAsync(CalendarApi.Language(CultureInfo.CurrentUICulture), ct);
        NewUrl = CalendarApi.FeedUrl(Request, secret);
        // The secret is in this answer only: no redirect (it would have to be kept somewhere), and no cache.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (await feeds.RevokeAsync(ct))
        {
            TempData["Message"] = t["Your calendar feed is turned off: its address no longer works."].Value;
        }

        return RedirectToPage();
    }

    /// <summary>Follows a record the user can read (a second follow changes nothing); 404 for one they cannot.</summary>
    public async Task<IActionResult> OnPostFollowAsync(string? type, string? id, string? returnUrl, CancellationToken ct)
    {
        if (!FollowService.TryParseType(type, out var subject) || id is not { Length: > 0 and <= 100 })
        {
            return NotFound();
        }

        var (outcome, _) = await follows.AddAsync(subject, id.Trim(), ct);
        switch (outcome)
        {
            case FollowService.Outcome.NotFound:
                return NotFound();
            case FollowService.Outcome.TooMany:
                TempData["Message"] = t["You can follow at most {0} records. Stop following some first.", Data.Calendar.Follow.MaxPerUser].Value;
                break;
        }

        return Back(returnUrl);
    }

    public async Task<IActionResult> OnPostUnfollowAsync(string? type, Guid id, string? returnUrl, CancellationToken ct)
    {
        if (FollowService.TryParseType(type, out var subject))
        {
            await follows.RemoveAsync(subject, id, ct);
        }

        return Back(returnUrl);
    }

    private IActionResult Back(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2000 } && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();

    private async Task LoadAsync(CancellationToken ct)
    {
        Feed = await feeds.StatusAsync(ct);
        Follows = await follows.ListAsync(CultureInfo.CurrentUICulture, ct);
    }
}
