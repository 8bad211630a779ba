using System.Globalization;
using Puente.Core.Localization;
using Puente.Core.Warning;

namespace Puente.Data.Warning;

/// <summary>
/// A backtest as the CLI's <c>--format json</c> and <c>GET /api/v1/indicators/{code}/backtest</c> answer it (camelCase):
/// issue 13's contract — <c>alerts</c> (each with <c>period</c>, <c>detector</c>, <c>value</c>, <c>baseline</c>,
/// <c>severity</c>, and <c>lastPeriod</c>, <c>periods</c>, <c>statistic</c>, <c>threshold</c>, <c>hit</c>), <c>crises</c>
/// (each with its dates, issue, description, whether it was warned, by which alert and the lead in days and periods),
/// <c>precision</c> and <c>recall</c> (null without alerts or crises) — preceded by what was run: the indicator, its name
/// in the reader's language, unit, frequency and concern, the detectors in settings text and where they came from
/// (<c>request</c>, <c>indicator</c>, <c>defaults</c>), the issue whose crises counted (null: all), and followed by the
/// mean leads, the lead window and the range counted.
/// </summary>
public sealed record BacktestReport(
    string Indicator,
    string Name,
    string Unit,
    string Frequency,
    string Concern,
    string Detectors,
    string DetectorsFrom,
    string? Issue,
    IReadOnlyList<BacktestAlert> Alerts,
    IReadOnlyList<CrisisOutcome> Crises,
    double? Precision,
    double? Recall,
    double? MeanLeadDays,
    double? MeanLeadPeriods,
    int LeadWindow,
    DateOnly? From,
    DateOnly? To)
{
    public static BacktestReport Of(BacktestRun run, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (indicator, result) = (run.Indicator, run.Result);
        return new BacktestReport(indicator.Code, Bilingual.Pick(indicator.NameEn, indicator.NameEs, culture), indicator.Unit,
            indicator.Frequency.ToString().ToLowerInvariant(), indicator.Concern.ToString().ToLowerInvariant(),
            string.Join("; ", run.Detectors.Select(DetectorSettings.Format)), run.DetectorsFrom.ToString().ToLowerInvariant(), run.Issue,
            result.Alerts, result.Crises, result.Precision, result.Recall, result.MeanLeadDays, result.MeanLeadPeriods, result.LeadWindow,
            result.From, result.To);
    }
}
