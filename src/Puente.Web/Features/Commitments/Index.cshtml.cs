using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;

namespace Puente.Web.Features.Commitments;

/// <summary>The ledger: the API's filters from the query string (overdue, due within N days, mine, by owner, mechanism, issue, status as of a day).</summary>
public sealed class IndexModel(CommitmentService commitments, PuenteDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public CommitmentFilter Filter { get; set; } = new();

    public List<CommitmentDto> Items { get; private set; } = [];
    public List<Mechanism> Mechanisms { get; private set; } = [];
    public List<AgendaIssue> Issues { get; private set; } = [];
    public PagerModel Pager { get; private set; } = null!;
    public FieldErrors Errors { get; private set; } = new();
    public int Total { get; private set; }

    public bool CanEdit => Policies.AllowsWriting(User);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mechanisms = await db.Mechanisms.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);
        Issues = await db.AgendaIssues.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        var page = Math.Clamp(Filter.Page ?? 1, 1, Api.ApiResults.MaxPage);
        Errors = await commitments.PrepareAsync(Filter, ct);
        var (items, total) = Errors.Any ? ([], 0) : await commitments.ListAsync(Filter, page, PageSize, CultureInfo.CurrentUICulture, ct);
        Items = items;
        Total = total;
        Pager = new PagerModel(page, PageSize, total, Request);
    }
}
