using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Memory;
using Puente.Core.Text;
using Puente.Web.Features.Engagements;

namespace Puente.Web.Features.Timelines;

/// <summary>
/// <c>/Timelines/{actor|person|post|mechanism|issue}/{id or code}</c>: the subject's engagements, oldest first, filtered
/// by period and kind; for a mechanism, the GDELT USA–MEX window before and after each session.
/// </summary>
public sealed class IndexModel(TimelineService timelines) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public EngagementFilter Filter { get; set; } = new();

    public TimelineSubject Subject { get; private set; }
    public TimelineResponse? Timeline { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public PagerModel Pager { get; private set; } = null!;

    /// <summary>Where the subject's own page is.</summary>
    public string SubjectPath => Subject switch
    {
        TimelineSubject.Actor => $"/Actors/Details/{Timeline?.Id}",
        TimelineSubject.Person => $"/People/Details/{Timeline?.Id}",
        TimelineSubject.Post => $"/Posts/Details/{Timeline?.Id}",
        TimelineSubject.Mechanism => $"/Mechanisms/Details/{Timeline?.Id}",
        _ => "/Catalog#issues",
    };

    public async Task<IActionResult> OnGetAsync(string subject, string id, CancellationToken ct)
    {
        if (!EnumText.TryParse<TimelineSubject>(subject, out var kind))
        {
            return NotFound();
        }

        Subject = kind;
        if (await timelines.SubjectAsync(kind, id, CultureInfo.CurrentUICulture, ct) is not { } of)
        {
            return NotFound();
        }

        var page = Math.Clamp(Filter.Page ?? 1, 1, Api.ApiResults.MaxPage);
        var (timeline, errors) = await timelines.TimelineAsync(kind, of, Filter, page, PageSize, CultureInfo.CurrentUICulture, ct);
        Errors = errors;
        Timeline = timeline ?? new TimelineResponse(kind.ToString(), of.Id, of.Code, of.Name, [], 0, page, PageSize, null, false);
        Pager = new PagerModel(page, PageSize, Timeline.Total, Request);
        return Page();
    }

    /// <summary>The engagement kinds, for the filter.</summary>
    public static IReadOnlyList<EngagementKind> Kinds { get; } = Enum.GetValues<EngagementKind>();
}
