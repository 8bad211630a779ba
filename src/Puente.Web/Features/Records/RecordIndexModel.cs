using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Records;

namespace Puente.Web.Features.Records;

/// <summary>The list page of a bilingual record type: its filters from the query string, one page of readable records, paging links.</summary>
public abstract class RecordIndexModel<T, TInput, TFilter>(RecordService<T, TInput> records, PuenteDbContext db) : PageModel
    where T : BilingualRecord, new()
    where TInput : RecordInput
    where TFilter : RecordFilter<T>, new()
{
    public const int PageSize = 50;

    /// <summary>The context, as the type's list reads its filters' choices.</summary>
    protected PuenteDbContext Db => db;

    /// <summary>Bound from the query string without a prefix (<c>?q=…&amp;page=2</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public TFilter Filter { get; set; } = new();

    public List<T> Items { get; private set; } = [];
    public List<Track> Tracks { get; private set; } = [];
    public PagerModel Pager { get; private set; } = null!;

    /// <summary>Shows the "new" button; the edit page itself is authorized by policy.</summary>
    public bool CanEdit => Policies.AllowsWriting(User);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = Math.Clamp(Filter.Page ?? 1, 1, Api.ApiResults.MaxPage);
        var (items, total) = await records.SearchAsync(Filter, page, PageSize, ct);
        Items = items;
        Tracks = await db.Tracks.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        Pager = new PagerModel(page, PageSize, total, Request);
        await LoadAsync(ct);
    }

    /// <summary>What a type's list shows beside its records (choices for its filters), loaded after them.</summary>
    protected virtual Task LoadAsync(CancellationToken ct) => Task.CompletedTask;
}
