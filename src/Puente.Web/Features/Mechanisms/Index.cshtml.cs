using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Data;
using Puente.Web.Features.Records;

namespace Puente.Web.Features.Mechanisms;

public sealed class IndexModel(MechanismService mechanisms, PuenteDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Track { get; set; }
    [BindProperty(SupportsGet = true)] public string? Participant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cadence { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public List<Mechanism> Items { get; private set; } = [];
    public List<Track> Tracks { get; private set; } = [];
    public PagerModel Pager { get; private set; } = null!;
    public bool CanEdit => Hosting.Policies.AllowsWriting(User);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var (items, total) = await mechanisms.SearchAsync(new MechanismFilter(Q, Track, Participant, Cadence, PageNumber, PageSize), ct);
        Items = items;
        Tracks = await db.Tracks.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        Pager = new PagerModel(PageNumber, PageSize, total, Request);
    }
}
