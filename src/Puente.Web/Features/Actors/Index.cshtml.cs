using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Data;
using Puente.Web.Features.Records;

namespace Puente.Web.Features.Actors;

public sealed class IndexModel(ActorService actors, PuenteDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Track { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public List<Actor> Items { get; private set; } = [];
    public List<Track> Tracks { get; private set; } = [];
    public PagerModel Pager { get; private set; } = null!;
    public bool CanEdit => Hosting.Policies.AllowsWriting(User);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var (items, total) = await actors.SearchAsync(new ActorFilter(Q, Country, Type, Track, Level, PageNumber, PageSize), ct);
        Items = items;
        Tracks = await db.Tracks.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        Pager = new PagerModel(PageNumber, PageSize, total, Request);
    }
}
