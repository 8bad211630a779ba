using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;

namespace Puente.Web.Features.Alerts;

/// <summary>The alerts the reader may read, the most severe first: status tabs (current by default), filters by severity,
/// agenda issue and indicator, as the API has them.</summary>
public sealed class IndexModel(AlertService alerts, PuenteDbContext db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The tabs, by their <c>status</c> value ("all" shows every status).</summary>
    public static IReadOnlyList<string> Tabs { get; } = ["current", "Open", "Acknowledged", "closed", "all"];

    [BindProperty(SupportsGet = true)]
    public AlertFilter Filter { get; set; } = new();

    public IReadOnlyList<AlertDto> Items { get; private set; } = [];
    public List<AgendaIssue> Issues { get; private set; } = [];
    public PagerModel Pager { get; private set; } = null!;
    public FieldErrors Errors { get; private set; } = new();
    public int Total { get; private set; }

    /// <summary>The tab shown (the status filter, "current" when none is given).</summary>
    public string Tab { get; private set; } = "current";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Issues = await db.AgendaIssues.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        Tab = string.IsNullOrWhiteSpace(Filter.Status) ? "current" : Filter.Status.Trim();
        var page = Math.Clamp(Filter.Page ?? 1, 1, Api.ApiResults.MaxPage);
        var query = new AlertFilter
        {
            Status = string.Equals(Tab, "all", StringComparison.OrdinalIgnoreCase) ? null : Tab,
            Severity = Filter.Severity,
            Issue = Filter.Issue,
            Indicator = Filter.Indicator,
        };
        var (parsed, errors) = await alerts.ParseAsync(query, ct);
        Errors = errors;
        var (items, total) = Errors.Any ? ([], 0) : await alerts.ListAsync(parsed, page, PageSize, bySeverity: true, CultureInfo.CurrentUICulture, ct);
        Items = items;
        Total = total;
        Pager = new PagerModel(page, PageSize, total, Request);
    }

    /// <summary>The filters on screen as the export reads them: the tab shown is its status ("all": none).</summary>
    public IEnumerable<KeyValuePair<string, string?>> ExportQuery => new Dictionary<string, string?>
    {
        ["status"] = string.Equals(Tab, "all", StringComparison.OrdinalIgnoreCase) ? null : Tab,
        ["severity"] = Filter.Severity, ["issue"] = Filter.Issue, ["indicator"] = Filter.Indicator,
    };

    /// <summary>The link to a tab, keeping the other filters.</summary>
    public string TabUrl(string tab)
    {
        var query = new Dictionary<string, string?> { ["status"] = tab == "current" ? null : tab, ["severity"] = Filter.Severity, ["issue"] = Filter.Issue, ["indicator"] = Filter.Indicator };
        return "/Alerts" + QueryString.Create(query.Where(q => !string.IsNullOrWhiteSpace(q.Value))).ToUriComponent();
    }
}
