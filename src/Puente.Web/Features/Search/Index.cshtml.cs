using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Features.SiteSearch;

/// <summary><c>/Search?q=&amp;type=&amp;page=</c>: the search box's results — counts by type as filters, ranked results with
/// snippets linking to each record's page, a pager; bad queries explained by field (docs/decisions/0049-search.md).</summary>
public sealed class IndexModel(SearchService search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    /// <summary>The query string's <c>page</c> (read directly: "page" is also Razor Pages' own route value).</summary>
    public string? PageNumber => Request.Query.TryGetValue("page", out var page) ? page.ToString() : null;

    public SearchResponse? Results { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    /// <summary>The type filter in force (lower case), or null for all.</summary>
    public string? Kind => string.IsNullOrWhiteSpace(Type) ? null : Type.Trim().ToLowerInvariant();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Request.Query.ContainsKey("q") && Type is null && PageNumber is null)
        {
            return; // the empty page: just the box
        }

        var outcome = await search.SearchAsync(Query, Type, PageNumber, ct);
        Results = outcome.Response;
        Errors = outcome.Errors;
        if (Results is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>This search with another type filter (null: all) or page.</summary>
    public string Link(string? type, int page = 1)
    {
        var query = new Dictionary<string, string?> { ["q"] = Query, ["type"] = type, ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null };
        return "/Search" + QueryString.Create(query.Where(q => !string.IsNullOrEmpty(q.Value))).ToUriComponent();
    }
}
