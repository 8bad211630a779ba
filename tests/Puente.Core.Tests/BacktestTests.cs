using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Puente.Core.Series;
using Puente.Core.Warning;

namespace Puente.Core.Tests;

/// <summary>How backtests collapse signals into alerts and score them against marked crises (decision 0032).</summary>
public sealed class BacktestTests
{
    /// <summary>A detector that fires where it is told to, for scoring rules independent of any statistic.</summary>
    private sealed record Fires(string Name, IReadOnlyList<int> At, Severity Severity = Severity.Low) : IDetector
    {
        public IReadOnlyList<Signal> Run(IReadOnlyList<SeriesPoint> points, Concern concern) =>
            [.. At.Where(i => i < points.Count).Distinct().Order().Select(i => new Signal(Name, i, points[i].Date, points[i].Value, 1, 5, 3, Severity))];
    }

    private static List<SeriesPoint> Monthly(int count, DateOnly? start = null) =>
        [.. Enumerable.Range(0, count).Select(i => new SeriesPoint((start ?? new DateOnly(2010, 1, 1)).AddMonths(i), 100 + i))];

    private static DateOnly Month(int year, int month) => new(year, month, 1);

    [Fact]
    public void Signals_on_consecutive_points_are_one_alert_with_its_highest_severity()
    {
        var signals = new[] { 3, 4, 5, 8 }.Select(i => new Signal("ewma", i, Month(2010, 1).AddMonths(i), i, 0, 3, 3, i == 4 ? Severity.High : Severity.Low));
        var episodes = AlertEpisode.Collapse(signals.Reverse());
        Assert.Equal([(3, 5, Severity.High, 3), (8, 8, Severity.Low, 1)], episodes.Select(e => (e.First.Index, e.Last.Index, e.Severity, e.Signals)));
    }

    [Fact]
    public void A_crisis_is_warned_by_the_earliest_alert_in_its_lead_window_and_the_lead_is_counted_in_days_and_periods()
    {
        var points = Monthly(36);
        var crises = new[]
        {
            new Crisis(new DateOnly(2011, 6, 2), new DateOnly(2011, 7, 31), "MIGRATION", "warned twice, from March"),
            new Crisis(new DateOnly(2012, 10, 15), new DateOnly(2012, 10, 20), null, "an alert seven months before is outside the window"),
        };
        // ewma fires Mar–Apr 2011 (one alert), cusum in May 2011 and July 2011 (during the first crisis), and Mar 2012.
        var result = Backtest.Run(points, Concern.Up, [new Fires("ewma", [14, 15], Severity.Medium), new Fires("cusum", [16, 18, 26])], crises);
        Assert.Equal(
            [(Month(2011, 3), "ewma", Month(2011, 4), true), (Month(2011, 5), "cusum", Month(2011, 5), true), (Month(2011, 7), "cusum", Month(2011, 7), true),
             (Month(2012, 3), "cusum", Month(2012, 3), false)],
            result.Alerts.Select(a => (a.Period, a.Detector, a.LastPeriod, a.Hit)));
        var first = result.Crises[0];
        Assert.Equal((true, Month(2011, 3), "ewma", 93, 3), (first.Hit, first.AlertPeriod, first.Detector, first.LeadDays, first.LeadPeriods));
        Assert.False(result.Crises[1].Hit);
        Assert.Equal(0.75, result.Precision);
        Assert.Equal(0.5, result.Recall);
        Assert.Equal(93, result.MeanLeadDays);
        Assert.Equal(3, result.MeanLeadPeriods);
        // A longer window reaches back to March 2012.
        var wider = Backtest.Run(points, Concern.Up, [new Fires("ewma", [14, 15]), new Fires("cusum", [16, 18, 26])], crises, new BacktestOptions(LeadWindow: 7));
        Assert.Equal((1.0, 1.0), (wider.Precision, wider.Recall));
        Assert.Equal(7, wider.Crises[1].LeadPeriods);
    }

    [Fact]
    public void Without_alerts_precision_is_undefined_and_without_crises_recall_is()
    {
        var none = Backtest.Run(Monthly(24), Concern.Up, [new Fires("ewma", [])], [new Crisis(Month(2011, 1), Month(2011, 2), null, "missed")]);
        Assert.Null(none.Precision);
        Assert.Equal(0, none.Recall);
        Assert.Null(none.MeanLeadDays);
        var noCrisis = Backtest.Run(Monthly(24), Concern.Up, [new Fires("ewma", [5])], []);
        Assert.Equal(0, noCrisis.Precision);
        Assert.Null(noCrisis.Recall);
    }

    [Fact]
    public void From_and_to_restrict_what_is_counted_while_the_detectors_warm_up_on_the_whole_history()
    {
        var points = Monthly(48);
        points[30] = points[30] with { Value = 10_000 }; // a jump in July 2012, seen only after a warm-up before 2012
        var crises = new[] { new Crisis(Month(2012, 8), Month(2012, 9), null, "inside"), new Crisis(Month(2010, 3), Month(2010, 4), null, "before --from") };
        var result = Backtest.Run(points, Concern.Up, [new EwmaDetector(), new Fires("cusum", [2])], crises,
            new BacktestOptions(From: Month(2012, 1), To: Month(2012, 12)));
        var alert = Assert.Single(result.Alerts);
        Assert.Equal((Month(2012, 7), "ewma"), (alert.Period, alert.Detector));
        Assert.Equal("inside", Assert.Single(result.Crises).Description);
        Assert.Equal((1.0, 1.0), (result.Precision, result.Recall));
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void The_result_serializes_to_the_issue_contract()
    {
        var result = Backtest.Run(Monthly(24), Concern.Up, [new Fires("seasonal", [14], Severity.High)], [new Crisis(Month(2011, 4), Month(2011, 5), "MIGRATION", "spring")]);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(result, Web));
        var alert = json.RootElement.GetProperty("alerts")[0];
        Assert.Equal("2011-03-01", alert.GetProperty("period").GetString());
        Assert.Equal("seasonal", alert.GetProperty("detector").GetString());
        Assert.Equal(114, alert.GetProperty("value").GetDouble());
        Assert.Equal(1, alert.GetProperty("baseline").GetDouble());
        Assert.Equal("High", alert.GetProperty("severity").GetString());
        var crisis = json.RootElement.GetProperty("crises")[0];
        Assert.Equal(("2011-04-01", 31, 1), (crisis.GetProperty("start").GetString(), crisis.GetProperty("leadDays").GetInt32(), crisis.GetProperty("leadPeriods").GetInt32()));
        Assert.Equal(1, json.RootElement.GetProperty("precision").GetDouble());
        Assert.Equal(1, json.RootElement.GetProperty("recall").GetDouble());
    }

    private static Arbitrary<(int Length, int[] Indices, int[] Days)> Firing() =>
        (from length in Gen.Choose(12, 90)
         from indices in Gen.Choose(0, (length - 1) / 2).Select(i => 2 * i).ArrayOf().Where(a => a.Length is > 0 and < 12) // never adjacent: one alert each
         from days in Gen.Choose(0, 60).ArrayOf(indices.Length)
         select (length, indices.Distinct().ToArray(), days.Take(indices.Distinct().Count()).ToArray())).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Recall_is_one_when_an_alert_starts_at_each_crisis_start() =>
        Prop.ForAll(Firing(), f =>
        {
            var points = Monthly(f.Length);
            var crises = f.Indices.Select((i, n) => new Crisis(points[i].Date, points[i].Date.AddDays(f.Days[n]), null, $"c{n}"));
            var result = Backtest.Run(points, Concern.Up, [new Fires("threshold", f.Indices)], crises);
            // The earliest warning may be another crisis's alert a few periods before, never one after the start.
            return result.Recall == 1 && result.Crises.All(c => c.LeadDays >= 0 && c.LeadPeriods is >= 0 and <= Backtest.DefaultLeadWindow);
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Precision_is_one_when_every_alert_is_inside_a_crisis() =>
        Prop.ForAll(Firing(), f =>
        {
            var points = Monthly(f.Length);
            var crises = f.Indices.Select((i, n) => new Crisis(points[i].Date.AddDays(-f.Days[n]), points[i].Date, null, $"c{n}"));
            return Backtest.Run(points, Concern.Up, [new Fires("ewma", f.Indices), new Fires("cusum", f.Indices)], crises, new BacktestOptions(0)).Precision == 1;
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Shifting_every_date_shifts_nothing_else() =>
        Prop.ForAll(Firing(), Gen.Choose(-5000, 5000).ToArbitrary(), (f, shift) =>
        {
            var points = Monthly(f.Length);
            var crises = f.Indices.Select((i, n) => new Crisis(points[i].Date.AddDays(-f.Days[n] * 3), points[i].Date.AddDays(f.Days[n] % 40), null, $"c{n}")).ToList();
            IDetector[] detectors = [new Fires("ewma", f.Indices), new Fires("cusum", [.. f.Indices.Select(i => i + 1)])];
            var before = Backtest.Run(points, Concern.Up, detectors, crises);
            var after = Backtest.Run([.. points.Select(p => p with { Date = p.Date.AddDays(shift) })], Concern.Up, detectors,
                crises.Select(c => c with { Start = c.Start.AddDays(shift), End = c.End.AddDays(shift) }));
            return after.Precision == before.Precision && after.Recall == before.Recall && after.MeanLeadDays == before.MeanLeadDays
                && after.Alerts.SequenceEqual(before.Alerts.Select(a => a with { Period = a.Period.AddDays(shift), LastPeriod = a.LastPeriod.AddDays(shift) }))
                && after.Crises.Select(c => (c.Hit, c.Detector, c.LeadDays, c.LeadPeriods)).SequenceEqual(before.Crises.Select(c => (c.Hit, c.Detector, c.LeadDays, c.LeadPeriods)));
        });

    [Fact]
    public void The_defaults_on_the_real_southwest_border_series_keep_their_documented_backtest()
    {
        // docs/early-warning-defaults.md: a change to a detector or a default that moves these numbers must update that page.
        var table = CbpEncounters.Read(File.ReadAllBytes(RepoFiles.Shared("cbp_encounters", "ohss_usbp_monthly_region.csv")), CbpBreakdown.Region,
            CbpEncounters.SouthwestLandBorder);
        var crises = File.ReadAllLines(RepoFiles.TestData("southwest-border-crises.csv")).Skip(1).Select(l => l.Split(',', 4))
            .Select(c => new Crisis(DateOnly.Parse(c[0], CultureInfo.InvariantCulture), DateOnly.Parse(c[1], CultureInfo.InvariantCulture), c[2], c[3]));
        var result = Backtest.Run(table.Series[CbpEncounters.SouthwestLandBorder], Concern.Up, DetectorSettings.Defaults.Detectors, crises);

        Assert.Equal(
        [
            "2002-10 seasonal", "2004-03 seasonal", "2014-06 seasonal hit", "2018-03 seasonal", "2019-03 ewma hit", "2020-10 seasonal hit",
            "2021-03 ewma hit", "2022-06 cusum", "2023-12 cusum hit",
        ], result.Alerts.Select(a => $"{a.Period:yyyy-MM} {a.Detector}{(a.Hit ? " hit" : "")}"));
        Assert.Equal(
            [("seasonal", 1, 0), ("ewma", 90, 2), ("seasonal", 174, 5), ("cusum", 17, 0)],
            result.Crises.Select(c => (c.Detector!, c.LeadDays!.Value, c.LeadPeriods!.Value)));
        Assert.Equal(5.0 / 9, result.Precision);
        Assert.Equal(1.0, result.Recall);
        Assert.Equal(70.5, result.MeanLeadDays);
        Assert.Equal(1.75, result.MeanLeadPeriods);
    }
}
