using FsCheck;
using FsCheck.Fluent;
using Puente.Core.Series;
using Puente.Core.Warning;

namespace Puente.Core.Tests;

/// <summary>The early-warning detectors on made-up series whose answer is known, and their properties on any series.</summary>
public sealed class DetectorTests
{
    private static List<SeriesPoint> Monthly(params double[] values) =>
        [.. values.Select((v, i) => new SeriesPoint(new DateOnly(2020, 1, 1).AddMonths(i), v))];

    /// <summary>Two years of a gently varying level, then a jump.</summary>
    private static List<SeriesPoint> StepAt24(double jump) =>
        Monthly([.. Enumerable.Range(0, 24).Select(i => 100 + (i % 3) - 1.0), 100 + jump, 100 + jump, 100 + jump]);

    [Fact]
    public void The_threshold_fires_on_each_value_above_the_level_and_grades_by_how_far()
    {
        var signals = new ThresholdDetector(100).Run(Monthly(90, 101, 160, 250, 99), Concern.Up);
        Assert.Equal([1, 2, 3], signals.Select(s => s.Index));
        Assert.Equal([Severity.Low, Severity.Medium, Severity.High], signals.Select(s => s.Severity));
        Assert.Equal([0, 4], new ThresholdDetector(100).Run(Monthly(90, 101, 160, 250, 99), Concern.Down).Select(s => s.Index)); // below the level
        Assert.Equal([0], new ThresholdDetector(200, Lower: 95).Run(Monthly(90, 101, 160), Concern.Both).Select(s => s.Index));
    }

    [Fact]
    public void Ewma_and_cusum_catch_a_jump_after_two_quiet_years_and_not_before()
    {
        var series = StepAt24(30);
        var ewma = new EwmaDetector().Run(series, Concern.Up);
        Assert.Equal(24, ewma[0].Index);
        Assert.True(ewma[0].Statistic >= 3);
        Assert.Equal(2020 + 2, ewma[0].Period.Year);
        var cusum = new CusumDetector().Run(series, Concern.Up);
        Assert.Equal(24, cusum[0].Index);
        Assert.Empty(new EwmaDetector().Run(series, Concern.Down));
        Assert.Empty(new CusumDetector().Run(series, Concern.Down));
        Assert.Empty(new EwmaDetector().Run(StepAt24(0), Concern.Both));
    }

    [Fact]
    public void The_seasonal_detector_compares_with_the_same_month_a_year_earlier()
    {
        // A seasonal series (high every December) that doubles in its third December.
        var values = Enumerable.Range(0, 36).Select(i => i % 12 == 11 ? 200.0 : 100.0).ToArray();
        values[35] = 400;
        var signals = new SeasonalDetector(0.25, 12).Run(Monthly(values), Concern.Up);
        var only = Assert.Single(signals);
        Assert.Equal(35, only.Index);
        Assert.Equal(200, only.Baseline);
        Assert.Equal(1.0, only.Statistic, 6);
        Assert.Equal(Severity.High, only.Severity);
    }

    [Fact]
    public void Missing_values_are_skipped_not_treated_as_zero()
    {
        var series = StepAt24(0);
        series[10] = series[10] with { Value = double.NaN };
        Assert.Empty(new EwmaDetector().Run(series, Concern.Both));
        Assert.Empty(new CusumDetector().Run(series, Concern.Both));
        Assert.Empty(new SeasonalDetector().Run(series, Concern.Both));
    }

    private static Arbitrary<double[]> Series() =>
        Gen.Choose(0, 10_000).Select(v => v / 10.0).ArrayOf().Where(a => a.Length is > 0 and < 80).ToArbitrary();

    private static readonly IDetector[] All = [new ThresholdDetector(500), new EwmaDetector(), new CusumDetector(), new SeasonalDetector()];

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property The_same_data_and_parameters_give_the_same_signals() =>
        Prop.ForAll(Series(), values => All.All(d =>
            d.Run(Monthly(values), Concern.Both).SequenceEqual(d.Run(Monthly([.. values]), Concern.Both))));

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property A_constant_series_raises_nothing_but_a_crossed_threshold() =>
        Prop.ForAll(Gen.Choose(0, 1000).ToArbitrary(), Gen.Choose(1, 60).ToArbitrary(), (level, length) =>
        {
            var series = Monthly([.. Enumerable.Repeat((double)level, length)]);
            return new EwmaDetector().Run(series, Concern.Both).Count == 0
                && new CusumDetector().Run(series, Concern.Both).Count == 0
                && new SeasonalDetector().Run(series, Concern.Both).Count == 0;
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property An_upward_concern_fires_only_above_the_baseline_and_a_downward_one_only_below() =>
        Prop.ForAll(Series(), values => All.All(d =>
            d.Run(Monthly(values), Concern.Up).All(s => s.Value > s.Baseline)
            && d.Run(Monthly(values), Concern.Down).All(s => s.Value < s.Baseline)));

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Both_directions_fire_where_up_or_down_fires() =>
        Prop.ForAll(Series(), values => new IDetector[] { new EwmaDetector(), new SeasonalDetector() }.All(d =>
            d.Run(Monthly(values), Concern.Both).Select(s => s.Index).ToHashSet()
                .SetEquals(d.Run(Monthly(values), Concern.Up).Concat(d.Run(Monthly(values), Concern.Down)).Select(s => s.Index))));

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Scaling_a_series_changes_no_z_score_signal() =>
        Prop.ForAll(Series(), Gen.Choose(2, 50).ToArbitrary(), (values, factor) => new IDetector[] { new EwmaDetector(), new CusumDetector(), new SeasonalDetector() }.All(d =>
            d.Run(Monthly(values), Concern.Both).Select(s => s.Index)
                .SequenceEqual(d.Run(Monthly([.. values.Select(v => v * factor)]), Concern.Both).Select(s => s.Index))));
}
