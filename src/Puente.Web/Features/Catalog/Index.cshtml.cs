using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;

namespace Puente.Web.Features.Catalog;

public sealed class IndexModel(PuenteDbContext db) : PageModel
{
    public List<Track> Tracks { get; private set; } = [];
    public List<AgendaIssue> Issues { get; private set; } = [];
    public List<Administration> Administrations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tracks = await db.Tracks.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        Issues = await db.AgendaIssues.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        Administrations = await db.Administrations.AsNoTracking().OrderBy(a => a.Country).ThenByDescending(a => a.TermStart).ToListAsync(ct);
    }
}
