using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Localization;
using Puente.Core.Warning;

namespace Puente.Web.Features.Indicators;

/// <summary>
/// One indicator: what it measures and where its values come from, the chart of all its values, a page of its values
/// newest first (with the value as first recorded when revised), and its history.
/// </summary>
public sealed class DetailsModel(IndicatorService indicators, PuenteDbContext db) : RecordDetailsModel<Indicator, IndicatorInput>(indicators, db)
{
    public const int PageSize = 50;

    /// <summary>Every value, oldest first (the chart).</summary>
    public List<IndicatorValue> Values { get; private set; } = [];

    /// <summary>The page of the table, newest first.</summary>
    public List<IndicatorValue> PageValues { get; private set; } = [];

    public PagerModel Pager { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    /// <summary>The agenda issue's name, when the reader can read it.</summary>
    public string? IssueName { get; private set; }

    protected override Task<List<HistoryDto>> LoadHistoryAsync(Indicator record, CancellationToken ct) => indicators.HistoryAsync(record, ct);

    protected override async Task LoadAsync(Indicator record, CancellationToken ct)
    {
        Values = await indicators.ValuesAsync(record, null, null, ct);
        var page = Math.Clamp(PageNumber ?? 1, 1, Api.ApiResults.MaxPage);
        PageValues = [.. Enumerable.Reverse(Values).Skip((page - 1) * PageSize).Take(PageSize)];
        Pager = new PagerModel(page, PageSize, Values.Count, Request);
        if (record.IssueCode is { } code && await Db.AgendaIssues.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct) is { } issue)
        {
            IssueName = Bilingual.Pick(issue.NameEn, issue.NameEs, System.Globalization.CultureInfo.CurrentUICulture);
        }
    }

    /// <summary>The chart of every value.</summary>
    public SeriesChart Chart(string label) => new("indicator-chart", label, [.. Values.Select(v => new SeriesChart.Point(v.Period, v.Value))]);
}
