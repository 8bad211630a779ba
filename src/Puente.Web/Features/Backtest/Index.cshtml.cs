using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Warning;
using Puente.Data.Warning;

namespace Puente.Web.Features.Backtest;

/// <summary>
/// <c>/Backtest?indicator=CODE&amp;detector=&amp;param=k=v…&amp;from=&amp;to=&amp;window=</c>: the backtest of a readable
/// indicator (<see cref="BacktestRunner"/>) over its chart, with the crises shaded and the periods alerts opened marked,
/// the alerts, the crises with their lead times, and precision and recall in words. Without an indicator: the form.
/// An indicator the reader cannot read answers 404, as an unknown one does.
/// </summary>
public sealed class IndexModel(PuenteDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The most indicators the chooser lists.</summary>
    public const int MaxChoices = 1_000;

    /// <summary>How many parameter fields the form shows (no detector has more).</summary>
    public const int ParameterFields = 3;

    public sealed record Choice(string Code, string NameEn, string NameEs);

    [BindProperty(SupportsGet = true, Name = "indicator")]
    public string? Indicator { get; set; }

    [BindProperty(SupportsGet = true, Name = "detector")]
    public string? Detector { get; set; }

    [BindProperty(SupportsGet = true, Name = "param")]
    public string[]? Parameters { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "window")]
    public string? Window { get; set; }

    [BindProperty(SupportsGet = true, Name = "issue")]
    public string? Issue { get; set; }

    public List<Choice> Indicators { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    /// <summary>True when the indicator asked for is unknown or unreadable.</summary>
    public bool NotFoundIndicator { get; private set; }

    public BacktestRun? Run { get; private set; }

    public BacktestReport? Report { get; private set; }

    public SeriesChart? Chart { get; private set; }

    /// <summary>The parameter fields' values (blank ones kept so the form always shows <see cref="ParameterFields"/>).</summary>
    public IReadOnlyList<string> ParameterValues =>
        [.. (Parameters ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Concat(Enumerable.Repeat("", ParameterFields)).Take(Math.Max(ParameterFields, (Parameters ?? []).Length))];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Indicators = await db.Set<Indicator>().AsNoTracking().OrderBy(i => i.Code).Take(MaxChoices)
            .Select(i => new Choice(i.Code, i.NameEn, i.NameEs)).ToListAsync(ct);
        if (string.IsNullOrWhiteSpace(Indicator))
        {
            return Page();
        }

        var culture = CultureInfo.CurrentUICulture;
        var parameters = (Parameters ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        var outcome = await db.RunAsync(new BacktestRequest(Indicator, Detector, parameters, From, To, Window, Issue), culture, ct);
        if (outcome.NotFound)
        {
            NotFoundIndicator = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Errors = BacktestApi.Errors(outcome.Problems, t);
        if (outcome.Run is not { } run)
        {
            return Page();
        }

        Run = run;
        Report = BacktestReport.Of(run, culture);
        Chart = new SeriesChart("backtest-chart", Report.Name, [.. run.Points.Select(p => new SeriesChart.Point(p.Date, p.Value))])
        {
            Marked = Report.Alerts.Select(a => a.Period).ToHashSet(),
            Bands = [.. Report.Crises.Select(c => (c.Start, c.End))],
            Threshold = run.Detectors.Count == 1 && run.Detectors[0] is ThresholdDetector threshold ? threshold.Level : null,
        };
        return Page();
    }
}
