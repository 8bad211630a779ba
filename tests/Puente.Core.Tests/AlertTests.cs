using Puente.Core.Catalog;
using Puente.Core.Series;
using Puente.Core.Warning;

namespace Puente.Core.Tests;

/// <summary>What an alert is made of: episodes of signals, its code, its kept points, and its explanation in both
/// languages from the numbers it keeps.</summary>
public sealed class AlertTests
{
    private static Signal At(int index, Severity severity = Severity.Low) =>
        new("ewma", index, new DateOnly(2031, 1, 1).AddMonths(index), 100 + index, 100, 3.5, 3, severity);

    [Fact]
    public void Episodes_are_runs_of_signals_on_consecutive_points_and_the_current_one_ends_at_the_latest_point()
    {
        var signals = new[] { At(3), At(4), At(5), At(8), At(10), At(11) };
        var episodes = AlertEpisodes.Of(signals);
        Assert.Equal([[3, 4, 5], [8], [10, 11]], episodes.Select(e => e.Select(s => s.Index).ToArray()));
        Assert.Equal([10, 11], AlertEpisodes.Current(signals, 11)!.Select(s => s.Index));
        // The latest point (12) does not signal: nothing is going on now.
        Assert.Null(AlertEpisodes.Current(signals, 12));
        Assert.Null(AlertEpisodes.Current([], 0));
    }

    [Fact]
    public void A_jump_at_the_end_of_a_series_is_the_current_episode_of_the_ewma_detector()
    {
        var values = Enumerable.Range(0, 24).Select(i => 100.0 + (i % 3)).Append(180).ToList();
        var points = values.Select((v, i) => new SeriesPoint(new DateOnly(2029, 1, 1).AddMonths(i), v)).ToList();
        var current = AlertEpisodes.Current(new EwmaDetector().Run(points, Concern.Up), points.Count - 1);
        var only = Assert.Single(current!);
        Assert.Equal(new DateOnly(2031, 1, 1), only.Period);
        Assert.Equal(Severity.High, only.Severity);
    }

    [Theory]
    [InlineData("SWB-ENCOUNTERS", "ewma", "AL-SWB-ENCOUNTERS-EWMA-20310101")]
    [InlineData("X", "seasonal", "AL-X-SEASONAL-20310101")]
    public void An_alert_code_names_the_indicator_the_detector_and_the_first_period(string indicator, string detector, string expected) =>
        Assert.Equal(expected, AlertCode.Of(indicator, detector, new DateOnly(2031, 1, 1)));

    [Fact]
    public void A_long_indicator_code_is_cut_and_hashed_so_that_the_alert_code_stays_a_valid_unique_code()
    {
        var a = AlertCode.Of("US-CBP-SOUTHWEST-BORDER-ENCOUNTERS-TOTAL", "seasonal", new DateOnly(2031, 1, 1));
        var b = AlertCode.Of("US-CBP-SOUTHWEST-BORDER-ENCOUNTERS-ADULTS", "seasonal", new DateOnly(2031, 1, 1));
        Assert.True(CatalogCode.IsValid(a), a);
        Assert.True(CatalogCode.IsValid(b), b);
        Assert.NotEqual(a, b);
        Assert.StartsWith("AL-US-CBP", a, StringComparison.Ordinal);
        Assert.EndsWith("-SEASONAL-20310101", a, StringComparison.Ordinal);
    }

    [Fact]
    public void Kept_points_read_back_as_written_and_a_long_episode_keeps_its_newest_points_within_the_bound()
    {
        var points = new[] { new AlertPoint(new DateOnly(2031, 2, 1), 1234.5, 1000, 4.25, Severity.High), new AlertPoint(new DateOnly(2031, 1, 1), 1, 2, 3, Severity.Low) };
        var text = AlertPoint.Write(points);
        Assert.Contains("\"period\":\"2031-01-01\"", text, StringComparison.Ordinal);
        Assert.Contains("\"severity\":\"High\"", text, StringComparison.Ordinal);
        Assert.Equal(points.OrderBy(p => p.Period), AlertPoint.Read(text));

        var many = Enumerable.Range(0, 1000).Select(i => new AlertPoint(new DateOnly(1950, 1, 1).AddMonths(i), 123456.789 + i, 98765.4321, 3.14159265, Severity.Medium)).ToList();
        var bounded = AlertPoint.Write(many);
        Assert.True(bounded.Length <= Alert.PointsMaxLength);
        var kept = AlertPoint.Read(bounded);
        Assert.True(kept.Count > 20);
        Assert.Equal(many[^1].Period, kept[^1].Period);
        Assert.Empty(AlertPoint.Read("not json"));
    }

    [Fact]
    public void Settings_name_the_detector_and_its_parameters_and_read_back()
    {
        // The defaults chosen by backtest (docs/early-warning-defaults.md).
        Assert.Equal("ewma lambda=0.1 k=3.5 warmup=12", AlertDetectors.SettingsOf(new EwmaDetector()));
        Assert.Equal("cusum k=0.5 h=8 warmup=12", AlertDetectors.SettingsOf(new CusumDetector()));
        Assert.Equal("seasonal change=0.5 lag=12", AlertDetectors.SettingsOf(new SeasonalDetector()));
        Assert.Equal("threshold level=100000", AlertDetectors.SettingsOf(new ThresholdDetector(100000)));
        Assert.Equal(0.25, AlertDetectors.ParametersOf("seasonal change=0.25 lag=12")["change"]);
        Assert.Equal(["ewma", "cusum", "seasonal"], AlertDetectors.For(new Indicator { Code = "X" }).Select(d => d.Name));
        // An indicator's own settings decide which detectors run, in their order.
        Assert.Equal(["threshold", "ewma"], AlertDetectors.For(new Indicator { Code = "X", Detectors = "threshold level=-50000; ewma k=4" }).Select(d => d.Name));
        Assert.Equal(4, ((EwmaDetector)AlertDetectors.For(new Indicator { Code = "X", Detectors = "threshold level=-50000; ewma k=4" })[1]).K);
    }

    private static AlertFacts Facts(string detector, double value, double baseline, double statistic, double threshold, Severity severity, string settings = "") =>
        new("Southwest border encounters", "Encuentros en la frontera suroeste", "encounters", "U.S. CBP", "CBP de EE. UU.", IndicatorFrequency.Month,
            detector, settings, new DateOnly(2031, 1, 1), new DateOnly(2031, 3, 1), value, baseline, statistic, threshold, severity,
            [
                new AlertPoint(new DateOnly(2031, 1, 1), 180000, 120000, 3.4, Severity.Low),
                new AlertPoint(new DateOnly(2031, 2, 1), 200000, 130000, 4.8, Severity.Medium),
                new AlertPoint(new DateOnly(2031, 3, 1), value, baseline, statistic, severity),
            ]);

    [Fact]
    public void The_ewma_explanation_says_the_value_the_baseline_and_how_many_deviations_in_both_languages()
    {
        var facts = Facts("ewma", 251234, 140500.5, 6.42, 3, Severity.High, "ewma lambda=0.3 k=3 warmup=12");
        var en = AlertExplanation.Text(facts, spanish: false);
        Assert.Contains("Southwest border encounters: a monthly indicator, in encounters; source: U.S. CBP.", en, StringComparison.Ordinal);
        Assert.Contains("The value was 251,234 in March 2031, against a smoothed level of 140,501", en, StringComparison.Ordinal);
        Assert.Contains("6.4 standard deviations above the smoothed level (it fires from 3.0)", en, StringComparison.Ordinal);
        Assert.Contains("Severity: high", en, StringComparison.Ordinal);
        Assert.Contains("3 periods triggered it, from January 2031 to March 2031: January 2031: 180,000; February 2031: 200,000; March 2031: 251,234.", en, StringComparison.Ordinal);
        var es = AlertExplanation.Text(facts, spanish: true);
        Assert.Contains("Encuentros en la frontera suroeste: indicador mensual, en encounters; fuente: CBP de EE. UU.", es, StringComparison.Ordinal);
        Assert.Contains("El valor fue 251,234 en marzo de 2031", es, StringComparison.Ordinal);
        Assert.Contains("6.4 desviaciones estándar por encima del nivel suavizado", es, StringComparison.Ordinal);
        Assert.Contains("Gravedad: alta", es, StringComparison.Ordinal);
        Assert.Contains("Lo activaron 3 periodos, de enero de 2031 a marzo de 2031", es, StringComparison.Ordinal);
        Assert.Equal("6.4 standard deviations above the smoothed level in March 2031", AlertExplanation.Summary(facts, spanish: false));
    }

    [Fact]
    public void The_cusum_seasonal_and_threshold_explanations_say_what_their_statistic_means()
    {
        var cusum = AlertExplanation.Text(Facts("cusum", 90, 120, -7.26, 5, Severity.Medium, "cusum k=0.5 h=5 warmup=12"), spanish: false);
        Assert.Contains("a sustained shift downward; the cumulative sum reached 7.3, past the limit 5.0", cusum, StringComparison.Ordinal);
        Assert.Contains("the mean of the first 12 values", cusum, StringComparison.Ordinal);
        Assert.Contains("Severity: medium", cusum, StringComparison.Ordinal);
        Assert.Contains("un cambio sostenido hacia abajo; la suma acumulada llegó a 7.3, más allá del límite 5.0",
            AlertExplanation.Text(Facts("cusum", 90, 120, -7.26, 5, Severity.Medium), spanish: true), StringComparison.Ordinal);

        var seasonal = Facts("seasonal", 150, 100, 0.5, 0.25, Severity.High, "seasonal change=0.25 lag=12");
        Assert.Contains("against 100 in the same month a year earlier. The seasonal detector fired: +50% against the same month a year earlier (it fires from ±25%)",
            AlertExplanation.Text(seasonal, spanish: false), StringComparison.Ordinal);
        Assert.Contains("+50 % frente al mismo mes de un año antes", AlertExplanation.Text(seasonal, spanish: true), StringComparison.Ordinal);

        var threshold = AlertExplanation.Text(Facts("threshold", 120500, 100000, 120500, 100000, Severity.Low, "threshold level=100000"), spanish: false);
        Assert.Contains("the value is above the level 100,000", threshold, StringComparison.Ordinal);
        Assert.Contains("Severity: low", threshold, StringComparison.Ordinal);
    }
}
