using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;

namespace Puente.Web.Features;

public sealed class IndexModel(PuenteDbContext db, TimeProvider time) : PageModel
{
    public List<(string Label, int Count, string Link)> Counts { get; } = [];

    public List<AgendaIssue> EarlyCrisis { get; private set; } = [];

    public List<Administration> InOffice { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts.Add(("Actors", await db.Actors.CountAsync(ct), "/Actors"));
        Counts.Add(("Mechanisms", await db.Mechanisms.CountAsync(ct), "/Mechanisms"));
        Counts.Add(("Recommendations", await db.Recommendations.CountAsync(ct), "/Catalog/Recommendations"));
        Counts.Add(("Tracks", await db.Tracks.CountAsync(ct), "/Catalog"));
        Counts.Add(("Agenda issues", await db.AgendaIssues.CountAsync(ct), "/Catalog#issues"));
        EarlyCrisis = await db.AgendaIssues.AsNoTracking().Where(i => i.EarlyCrisisRisk).OrderBy(i => i.Code).ToListAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        InOffice = await db.Administrations.AsNoTracking()
            .Where(a => a.TermStart <= today && (a.TermEnd == null || a.TermEnd >= today)).OrderBy(a => a.Country).ToListAsync(ct);
    }
}
