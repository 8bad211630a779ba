using System.Text.Json.Serialization;
using Puente.Core.Series;

namespace Puente.Core.Warning;

/// <summary>A crisis a user marked: its first and last day (inclusive), the agenda issue's code if any, and what it was.</summary>
public sealed record Crisis(DateOnly Start, DateOnly End, string? Issue, string Description);

/// <summary>
/// An alert the detectors would have raised (one per <see cref="AlertEpisode"/>): its first period, detector, the value
/// and baseline when it opened, the highest severity while open, its last period and number of signalling periods, the
/// opening signal's statistic and threshold, and whether it falls in some crisis's window (<see cref="Hit"/>).
/// </summary>
public sealed record BacktestAlert(
    DateOnly Period,
    string Detector,
    double Value,
    double Baseline,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Severity>))] Severity Severity,
    DateOnly LastPeriod,
    int Periods,
    double Statistic,
    double Threshold,
    bool Hit);

/// <summary>
/// A marked crisis and the earliest alert that warned of it (null when none): the alert's first period and detector, and
/// the lead — days and series periods from the alert's period to the crisis's start (negative when the first alert came
/// only during the crisis).
/// </summary>
public sealed record CrisisOutcome(
    DateOnly Start,
    DateOnly End,
    string? Issue,
    string Description,
    bool Hit,
    DateOnly? AlertPeriod,
    string? Detector,
    int? LeadDays,
    int? LeadPeriods);

/// <summary>
/// What a backtest found. <see cref="Precision"/> = alerts that hit a crisis / alerts (null without alerts);
/// <see cref="Recall"/> = crises hit / crises (null without crises); the mean leads are over the crises hit (null when
/// none). Serialized camelCase, it is the contract of issue 13: <c>{"alerts": [{"period", "detector", "value",
/// "baseline", "severity"…}], "crises": […], "precision", "recall"…}</c>.
/// </summary>
public sealed record BacktestResult(
    IReadOnlyList<BacktestAlert> Alerts,
    IReadOnlyList<CrisisOutcome> Crises,
    double? Precision,
    double? Recall,
    double? MeanLeadDays,
    double? MeanLeadPeriods,
    int LeadWindow,
    DateOnly? From,
    DateOnly? To);

/// <summary>
/// How a backtest counts: <see cref="LeadWindow"/> periods (points of the series) before a crisis's start in which an
/// alert counts as a warning of it; <see cref="From"/> and <see cref="To"/> (inclusive, either open) restrict the alerts
/// and crises counted, while the detectors still run over the whole history (so they are warmed up at <see cref="From"/>).
/// </summary>
public sealed record BacktestOptions(int LeadWindow = Backtest.DefaultLeadWindow, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// Runs detectors over an indicator's history and scores the alerts they would have raised against crises a user marked
/// (decision 0032). Each detector's signals are collapsed into <see cref="AlertEpisode"/>s — one alert each, as the live
/// system raises them. The crisis's period is the series point whose period holds its start (the last point dated on or
/// before it). An alert hits a crisis when it opens within <see cref="BacktestOptions.LeadWindow"/> points before that
/// period, or any time up to the crisis's end. Pure and deterministic: alerts are ordered by period, then by the order of
/// the detectors given.
/// </summary>
public static class Backtest
{
    /// <summary>
    /// The default lead window: 6 periods (half a year of monthly data). Shorter than a seasonal cycle, so that last year's
    /// spring peak cannot claim to have warned of this year's crisis; long enough to cover the months in which border
    /// encounters climb before a crisis is declared (docs/early-warning-defaults.md).
    /// </summary>
    public const int DefaultLeadWindow = 6;

    /// <summary>The longest lead window accepted, in periods.</summary>
    public const int MaxLeadWindow = 120;

    /// <summary>Runs <paramref name="detectors"/> over <paramref name="points"/> (dates strictly increasing) and scores them.</summary>
    /// <exception cref="ArgumentException">Dates do not increase, a crisis ends before it starts, two detectors share a name, or the window is outside 0–<see cref="MaxLeadWindow"/>.</exception>
    public static BacktestResult Run(IReadOnlyList<SeriesPoint> points, Concern concern, IEnumerable<IDetector> detectors, IEnumerable<Crisis> crises,
        BacktestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(detectors);
        ArgumentNullException.ThrowIfNull(crises);
        options ??= new BacktestOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.LeadWindow);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.LeadWindow, MaxLeadWindow);
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].Date <= points[i - 1].Date)
            {
                throw new ArgumentException($"Dates must increase: {points[i].Date:yyyy-MM-dd} follows {points[i - 1].Date:yyyy-MM-dd}.", nameof(points));
            }
        }

        var detectorList = detectors.ToList();
        if (detectorList.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count() != detectorList.Count)
        {
            throw new ArgumentException("Each detector once.", nameof(detectors));
        }

        var crisisList = crises.ToList();
        if (crisisList.FirstOrDefault(c => c.End < c.Start) is { } backwards)
        {
            throw new ArgumentException($"The crisis '{backwards.Description}' ends before it starts.", nameof(crises));
        }

        bool InRange(DateOnly start, DateOnly end) => (options.From is not { } from || end >= from) && (options.To is not { } to || start <= to);

        // The series point holding a date: the last one dated on or before it (−1 before the series).
        var dates = points.Select(p => p.Date).ToArray();
        int PointOf(DateOnly date)
        {
            var at = Array.BinarySearch(dates, date);
            return at >= 0 ? at : ~at - 1;
        }

        var counted = crisisList.Where(c => InRange(c.Start, c.End)).ToList();
        var windows = counted.Select(c => (Crisis: c, StartPoint: PointOf(c.Start), Lowest: PointOf(c.Start) - options.LeadWindow)).ToList();
        bool Hits(int index, DateOnly period, (Crisis Crisis, int StartPoint, int Lowest) w) => index >= w.Lowest && period <= w.Crisis.End;

        var opened = detectorList
            .SelectMany((detector, order) => AlertEpisode.Collapse(detector.Run(points, concern)).Select(e => (Episode: e, Order: order)))
            .Where(x => InRange(x.Episode.First.Period, x.Episode.First.Period))
            .OrderBy(x => x.Episode.First.Index).ThenBy(x => x.Order)
            .Select(x => x.Episode)
            .ToList();

        var alerts = opened.Select(e => new BacktestAlert(e.First.Period, e.Detector, e.First.Value, e.First.Baseline, e.Severity, e.Last.Period, e.Signals,
            e.First.Statistic, e.First.Threshold, windows.Any(w => Hits(e.First.Index, e.First.Period, w)))).ToList();

        var outcomes = windows.Select(w =>
        {
            var first = opened.FirstOrDefault(e => Hits(e.First.Index, e.First.Period, w));
            return first is null
                ? new CrisisOutcome(w.Crisis.Start, w.Crisis.End, w.Crisis.Issue, w.Crisis.Description, false, null, null, null, null)
                : new CrisisOutcome(w.Crisis.Start, w.Crisis.End, w.Crisis.Issue, w.Crisis.Description, true, first.First.Period, first.Detector,
                    w.Crisis.Start.DayNumber - first.First.Period.DayNumber, w.StartPoint - first.First.Index);
        }).ToList();

        var hit = outcomes.Where(o => o.Hit).ToList();
        return new BacktestResult(
            alerts,
            outcomes,
            alerts.Count == 0 ? null : (double)alerts.Count(a => a.Hit) / alerts.Count,
            outcomes.Count == 0 ? null : (double)hit.Count / outcomes.Count,
            hit.Count == 0 ? null : hit.Average(o => (double)o.LeadDays!.Value),
            hit.Count == 0 ? null : hit.Average(o => (double)o.LeadPeriods!.Value),
            options.LeadWindow,
            options.From,
            options.To);
    }
}
