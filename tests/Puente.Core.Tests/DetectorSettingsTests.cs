using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Puente.Core.Warning;

namespace Puente.Core.Tests;

/// <summary>An indicator's detector settings as an editor writes them, and as the backtest command line gives them.</summary>
public sealed class DetectorSettingsTests
{
    [Fact]
    public void Settings_text_names_the_detectors_and_their_parameters_and_fills_in_defaults()
    {
        Assert.True(DetectorSettings.TryParse("ewma lambda=0.3 k=3 warmup=12; cusum k=0.5 h=5; Seasonal change = 0.25 lag=12; threshold level=100000 lower=0;",
            out var settings, out var problems), string.Join("; ", problems));
        Assert.Equal<IDetector>(
            [new EwmaDetector(0.3, 3, 12), new CusumDetector(0.5, 5, new CusumDetector().Warmup), new SeasonalDetector(0.25, 12), new ThresholdDetector(100_000, 0)],
            settings.Detectors);
        Assert.Equal("ewma lambda=0.3 k=3 warmup=12; cusum k=0.5 h=5 warmup=12; seasonal change=0.25 lag=12; threshold level=100000 lower=0", settings.ToString());
    }

    [Fact]
    public void Blank_settings_are_the_defaults_which_run_no_threshold()
    {
        Assert.True(DetectorSettings.TryParse("  ", out var settings, out _));
        Assert.Same(DetectorSettings.Defaults, settings);
        Assert.Equal("ewma lambda=0.1 k=3.5 warmup=12; cusum k=0.5 h=8 warmup=12; seasonal change=0.5 lag=12", DetectorSettings.Defaults.ToString());
    }

    [Theory]
    [InlineData("zscore k=3", "detectors.unknownDetector", "'zscore' is not a detector; use one of ewma, cusum, seasonal, threshold")]
    [InlineData("ewma alpha=0.3", "detectors.unknownParameter", "ewma has no parameter 'alpha'; its parameters are lambda, k, warmup")]
    [InlineData("ewma k=3,5", "detectors.notANumber", "ewma k: '3,5' is not a number (write decimals with a point, e.g. 0.25)")]
    [InlineData("ewma k=NaN", "detectors.notANumber", "ewma k: 'NaN' is not a number (write decimals with a point, e.g. 0.25)")]
    [InlineData("ewma lambda=1.5", "detectors.outOfRange", "ewma lambda: 1.5 is outside the range 0.01 to 1")]
    [InlineData("cusum warmup=12.5", "detectors.notWhole", "cusum warmup: '12.5' is not a whole number")]
    [InlineData("seasonal lag=0", "detectors.outOfRange", "seasonal lag: 0 is outside the range 1 to 104")]
    [InlineData("ewma; cusum; EWMA k=2", "detectors.repeatedDetector", "ewma is given more than once; give each detector once")]
    [InlineData("cusum h=5 h=6", "detectors.repeatedParameter", "cusum: h is given more than once")]
    [InlineData("cusum h", "detectors.notAnAssignment", "cusum: 'h' is not a parameter; write name=value, e.g. h=5")]
    [InlineData("threshold lower=0", "detectors.missingParameter", "threshold needs level")]
    public void Each_mistake_names_the_detector_and_parameter(string text, string code, string message)
    {
        Assert.False(DetectorSettings.TryParse(text, out var settings, out var problems));
        Assert.Null(settings);
        var problem = Assert.Single(problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(message, problem.ToString());
    }

    [Fact]
    public void Every_mistake_is_reported_at_once_and_long_text_is_refused()
    {
        Assert.False(DetectorSettings.TryParse("ewma k=0; cusum x=1; seasonal change=abc", out _, out var problems));
        Assert.Equal(["detectors.outOfRange", "detectors.unknownParameter", "detectors.notANumber"], problems.Select(p => p.Code));
        Assert.False(DetectorSettings.TryParse("ewma k=3;" + new string(' ', DetectorSettings.MaxLength), out _, out problems));
        Assert.Equal("the detector settings are longer than 500 characters", Assert.Single(problems).ToString());
    }

    [Fact]
    public void A_command_line_detector_is_created_from_its_name_and_parameters()
    {
        Assert.True(DetectorSettings.TryCreate("CUSUM", new Dictionary<string, string> { ["H"] = "4", ["k"] = "1e-1" }, out var detector, out _));
        Assert.Equal(new CusumDetector(0.1, 4, new CusumDetector().Warmup), detector);
        Assert.True(DetectorSettings.TryCreate("threshold", ["level=250000"], out detector, out _));
        Assert.Equal(new ThresholdDetector(250_000), detector);
        Assert.Equal("threshold level=250000", DetectorSettings.Format(detector));
        Assert.False(DetectorSettings.TryCreate("ewma", ["k=2", "lambda"], out detector, out var problems));
        Assert.Null(detector);
        Assert.Equal("detectors.notAnAssignment", Assert.Single(problems).Code);
    }

    private static Gen<double> In(double min, double max, bool whole) => whole
        ? Gen.Choose((int)min, (int)max).Select(i => (double)i)
        : Gen.Choose(0, 1_000_000).Select(i => Math.Round(min + (max - min) * i / 1_000_000, 6));

    private static Gen<string> Detector(string name) =>
        DetectorSettings.Ranges.Where(r => r.Key.StartsWith(name + ".", StringComparison.Ordinal)).Aggregate(Gen.Constant(name),
            (text, range) => from t in text
                             from v in In(range.Value.Min, range.Value.Max, range.Value.Whole)
                             select $"{t} {range.Key[(name.Length + 1)..]}={v.ToString(CultureInfo.InvariantCulture)}");

    private static Arbitrary<string> SettingsText() =>
        (from names in Gen.Shuffle(DetectorSettings.Names.ToArray())
         from count in Gen.Choose(1, 4)
         from parts in Gen.CollectToArray(names.Take(count).Select(Detector))
         select string.Join("; ", parts)).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Formatting_and_reading_back_gives_the_same_detectors() =>
        Prop.ForAll(SettingsText(), text =>
            DetectorSettings.TryParse(text, out var first, out _)
            && DetectorSettings.TryParse(first.ToString(), out var second, out _)
            && first.Detectors.SequenceEqual(second.Detectors)
            && second.ToString() == first.ToString());
}
