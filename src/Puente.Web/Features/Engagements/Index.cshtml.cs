using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Memory;

namespace Puente.Web.Features.Engagements;

/// <summary>The engagement list: the API's filters from the query string, newest first, times in the reader's zone.</summary>
public sealed class IndexModel(EngagementService engagements, PuenteDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public EngagementFilter Filter { get; set; } = new();

    public List<Engagement> Items { get; private set; } = [];
    public List<Mechanism> Mechanisms { get; private set; } = [];
    public List<Track> Tracks { get; private set; } = [];
    public List<AgendaIssue> Issues { get; private set; } = [];
    public PagerModel Pager { get; private set; } = null!;
    public ReaderTimeZone Reader { get; private set; } = ReaderTimeZone.Utc;
    public FieldErrors Errors { get; private set; } = new();

    public bool CanEdit => Policies.AllowsWriting(User);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Reader = ReaderTimeZone.From(Request);
        Mechanisms = await db.Mechanisms.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);
        Tracks = await db.Tracks.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        Issues = await db.AgendaIssues.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        var page = Math.Clamp(Filter.Page ?? 1, 1, Api.ApiResults.MaxPage);
        Errors = await engagements.PrepareAsync(Filter, ct);
        var (items, total) = Errors.Any ? ([], 0) : await engagements.SearchAsync(Filter, page, PageSize, ct);
        Items = items;
        Pager = new PagerModel(page, PageSize, total, Request);
    }
}
