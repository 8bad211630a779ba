using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Web.Features.Home;

namespace Puente.Web.Features;

/// <summary>The home page: what a principal reads in one minute (<see cref="HomeService"/>).</summary>
public sealed class IndexModel(HomeService home, PuenteDbContext db) : PageModel
{
    public HomeView View { get; private set; } = null!;

    public List<Administration> InOffice { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await home.ReadAsync(ct);
        var today = View.Today;
        InOffice = await db.Administrations.AsNoTracking()
            .Where(a => a.TermStart <= today && (a.TermEnd == null || a.TermEnd >= today)).OrderBy(a => a.Country).ToListAsync(ct);
    }
}
