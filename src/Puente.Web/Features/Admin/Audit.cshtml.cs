using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Data.Audit;

namespace Puente.Web.Features.Admin;

/// <summary>The audit trail as the administrator may read it (account events, and content under the usual access rule).</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class AuditModel(PuenteDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];
    public PagerModel Pager { get; private set; } = null!;
    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        Verification = await AuditVerifier.VerifyAsync(db, ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, Api.ApiResults.MaxPage);
        var query = db.AuditEntries.AsNoTracking();
        var total = await query.CountAsync(ct);
        Entries = await query.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Pager = new PagerModel(PageNumber, PageSize, total, Request);
    }
}
