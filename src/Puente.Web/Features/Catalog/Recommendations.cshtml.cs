using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;

namespace Puente.Web.Features.Catalog;

public sealed class RecommendationsModel(PuenteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Section { get; set; }
    [BindProperty(SupportsGet = true)] public string? Addressee { get; set; }
    [BindProperty(SupportsGet = true)] public string? Issue { get; set; }

    public List<Recommendation> Items { get; private set; } = [];
    public List<AgendaIssue> Issues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await RecommendationQuery.Filter(db, Section, Addressee, null, Issue).ToListAsync(ct);
        Items = [.. Items.OrderBy(r => SectionOrder(r.Section)).ThenBy(r => r.Number)];
        Issues = await db.AgendaIssues.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
    }

    private static int SectionOrder(string? section)
    {
        var index = Puente.Data.Seeding.CatalogSeeder.Sections.ToList().IndexOf(section ?? "");
        return index < 0 ? int.MaxValue : index;
    }
}
