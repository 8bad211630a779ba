using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Warning;

namespace Puente.Web.Features.Indicators;

/// <summary>The indicators the reader may read, by code: latest value and period, a trend of the last values, issue and owner post; filtered by issue and text.</summary>
public sealed class IndexModel(IndicatorService indicators, PuenteDbContext db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>How many of the latest values each row's trend draws (three years of months).</summary>
    public const int TrendLength = 36;

    [BindProperty(SupportsGet = true)]
    public IndicatorFilter Filter { get; set; } = new();

    public List<Indicator> Items { get; private set; } = [];
    public Dictionary<Guid, double> Latest { get; private set; } = [];
    public Dictionary<Guid, List<IndicatorValue>> Recent { get; private set; } = [];

    /// <summary>The readable agenda issues (the filter's choices and the rows' issue names).</summary>
    public List<AgendaIssue> Issues { get; private set; } = [];

    public PagerModel Pager { get; private set; } = null!;

    public bool CanEdit => Policies.AllowsWriting(User);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = Math.Clamp(Filter.Page ?? 1, 1, Api.ApiResults.MaxPage);
        var (items, total) = await indicators.SearchAsync(Filter, page, PageSize, ct);
        Items = items;
        Latest = await indicators.LatestValuesAsync(items, ct);
        Recent = await indicators.RecentValuesAsync(items, TrendLength, ct);
        Issues = await db.AgendaIssues.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        Pager = new PagerModel(page, PageSize, total, Request);
    }

    /// <summary>The issue's name in the reader's language; the code when the reader cannot read the issue.</summary>
    public string IssueName(string code) => Issues.FirstOrDefault(i => i.Code == code) is { } issue ? Puente.Core.Localization.Bilingual.Pick(issue.NameEn, issue.NameEs, System.Globalization.CultureInfo.CurrentUICulture) : code;

    /// <summary>The row's trend: the last values, compact.</summary>
    public SeriesChart Trend(Indicator indicator, string label) =>
        new("trend-" + indicator.Code, label, [.. Recent.GetValueOrDefault(indicator.Id, []).Select(v => new SeriesChart.Point(v.Period, v.Value))]) { Compact = true };
}
