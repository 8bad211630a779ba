namespace Puente.Core.Warning;

/// <summary>
/// What an alert's explanation is written from: the indicator (names, unit, source, frequency) and the numbers the
/// alert keeps. Nothing here is computed again: the explanation says what the detector saw when it fired.
/// </summary>
public sealed record AlertFacts(
    string IndicatorNameEn,
    string IndicatorNameEs,
    string Unit,
    string SourceEn,
    string SourceEs,
    IndicatorFrequency Frequency,
    string Detector,
    string Settings,
    DateOnly FirstPeriod,
    DateOnly LastPeriod,
    double Value,
    double Baseline,
    double Statistic,
    double Threshold,
    Severity Severity,
    IReadOnlyList<AlertPoint> Points)
{
    /// <summary>The facts of <paramref name="alert"/> from <paramref name="indicator"/> (its parent).</summary>
    public static AlertFacts Of(Alert alert, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(indicator);
        return new AlertFacts(indicator.NameEn, indicator.NameEs, indicator.Unit, indicator.SourceEn, indicator.SourceEs, indicator.Frequency,
            alert.Detector, alert.Settings, alert.FirstPeriod, alert.LastPeriod, alert.Value, alert.Baseline, alert.Statistic, alert.Threshold,
            alert.Severity, AlertPoint.Read(alert.Points));
    }
}
