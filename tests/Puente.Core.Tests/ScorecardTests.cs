using FsCheck;
using FsCheck.Fluent;
using Puente.Core.Catalog;
using Puente.Core.Plans;
using Puente.Core.Text;

namespace Puente.Core.Tests;

public sealed class ScorecardTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static readonly ScorecardItem[] Items =
    [
        new(A, "III", Addressee.MX, "INSTITUTIONAL"),
        new(B, "I", Addressee.BOTH, null),
        new(C, "Conclusion", Addressee.US, "WATER"),
    ];

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Before_any_change_every_recommendation_is_not_started()
    {
        var result = Scorecard.Compute(Items, [], D("2025-06-30"), ScorecardGrouping.Section);
        Assert.Equal(3, result.Totals.Total);
        Assert.Equal(3, result.Totals[RecommendationStatus.NotStarted]);
        Assert.All(result.StatusOf.Values, s => Assert.Equal(RecommendationStatus.NotStarted, s));
    }

    [Fact]
    public void The_status_on_a_day_is_the_latest_change_dated_on_or_before_it_and_ties_go_to_the_one_recorded_last()
    {
        StatusChangeRow[] changes =
        [
            new(A, D("2025-03-01"), 1, RecommendationStatus.InProgress),
            new(A, D("2025-05-01"), 2, RecommendationStatus.PartlyImplemented),
            new(A, D("2025-05-01"), 3, RecommendationStatus.Implemented),
            new(A, D("2025-09-01"), 4, RecommendationStatus.Abandoned),
        ];
        Assert.Equal(RecommendationStatus.NotStarted, Scorecard.StatusOn(changes, D("2025-02-28")));
        Assert.Equal(RecommendationStatus.InProgress, Scorecard.StatusOn(changes, D("2025-03-01")));
        Assert.Equal(RecommendationStatus.InProgress, Scorecard.StatusOn(changes, D("2025-04-30")));
        Assert.Equal(RecommendationStatus.Implemented, Scorecard.StatusOn(changes, D("2025-05-01")));
        Assert.Equal(RecommendationStatus.Abandoned, Scorecard.StatusOn(changes, D("2030-01-01")));
        // The order handed in does not matter.
        Assert.Equal(RecommendationStatus.Implemented, Scorecard.StatusOn(changes.Reverse(), D("2025-08-31")));
    }

    [Fact]
    public void Groups_come_in_the_papers_section_order_by_addressee_in_enum_order_and_by_track_in_the_given_order_with_none_last()
    {
        StatusChangeRow[] changes = [new(A, D("2025-01-10"), 1, RecommendationStatus.Implemented)];
        var bySection = Scorecard.Compute(Items, changes, D("2025-06-30"), ScorecardGrouping.Section);
        Assert.Equal(["I", "III", "Conclusion"], bySection.Groups.Select(g => g.Key));
        Assert.Equal(1, bySection.Groups[1].Tally[RecommendationStatus.Implemented]);
        Assert.Equal(0, bySection.Groups[1].Tally[RecommendationStatus.NotStarted]);

        var byAddressee = Scorecard.Compute(Items, changes, D("2025-06-30"), ScorecardGrouping.Addressee);
        Assert.Equal(["MX", "US", "BOTH"], byAddressee.Groups.Select(g => g.Key));

        var byTrack = Scorecard.Compute(Items, changes, D("2025-06-30"), ScorecardGrouping.Track, ["WATER", "INSTITUTIONAL"]);
        Assert.Equal(["WATER", "INSTITUTIONAL", ""], byTrack.Groups.Select(g => g.Key));
        Assert.Equal(3, byTrack.Groups.Sum(g => g.Tally.Total));
    }

    [Fact]
    public void Sections_order_the_paper_first_then_numbers_by_value_then_text_and_empty_last()
    {
        string?[] sections = ["10", "Conclusion", "", "2", "B", "II", "I", null, "A"];
        Assert.Equal(["I", "II", "Conclusion", "2", "10", "A", "B", "", null], sections.Order(PlanSections.Order));
    }

    [Fact]
    public void A_trend_moves_at_the_quarter_of_a_change_not_before_and_its_last_point_is_the_period_end()
    {
        StatusChangeRow[] changes =
        [
            new(A, D("2025-05-10"), 1, RecommendationStatus.InProgress),
            new(A, D("2025-08-01"), 2, RecommendationStatus.Implemented),
            new(B, D("2026-02-01"), 1, RecommendationStatus.NotApplicable), // after the period: not counted
        ];
        var points = Scorecard.Trend(Items, changes, D("2025-01-15"), D("2025-11-20"), ScorecardGrouping.Section);
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"], points.Select(p => p.Quarter));
        Assert.Equal([D("2025-03-31"), D("2025-06-30"), D("2025-09-30"), D("2025-11-20")], points.Select(p => p.AsOf));
        Assert.Equal(
            [RecommendationStatus.NotStarted, RecommendationStatus.InProgress, RecommendationStatus.Implemented, RecommendationStatus.Implemented],
            points.Select(p => p.Scorecard.StatusOf[A]));
        Assert.All(points, p => Assert.Equal(RecommendationStatus.NotStarted, p.Scorecard.StatusOf[B]));
    }

    [Theory]
    [InlineData("2025-01-01", "2025-03-31", 1)]
    [InlineData("2025-03-31", "2025-04-01", 2)]
    [InlineData("2024-12-31", "2025-01-01", 2)]
    [InlineData("2025-02-10", "2025-02-10", 1)]
    [InlineData("2020-01-01", "2069-12-31", 200)]
    [InlineData("2025-02-10", "2025-02-09", 0)]
    public void Quarters_count_every_quarter_a_period_touches(string from, string to, int count) =>
        Assert.Equal(count, Quarters.Count(D(from), D(to)));

    [Fact]
    public void A_trend_longer_than_two_hundred_quarters_or_backwards_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quarters.Ends(D("2020-01-01"), D("2070-01-01")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quarters.Ends(D("2025-02-10"), D("2025-02-09")));
        Assert.Equal(200, Quarters.Ends(D("2020-01-01"), D("2069-12-31")).Count);
    }

    private static Gen<StatusChangeRow[]> ChangesGen =>
        from list in Gen.Elements(A, B, C).Zip(Gen.Choose(0, 900)).Zip(Gen.Elements(RecommendationStatuses.All.ToArray())).ListOf()
        select list.Select((c, i) => new StatusChangeRow(c.Item1.Item1, D("2024-01-01").AddDays(c.Item1.Item2), i + 1, c.Item2)).ToArray();

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Every_point_of_a_trend_equals_the_scorecard_computed_on_its_own_day() =>
        Prop.ForAll(ChangesGen.ToArbitrary(), changes =>
        {
            var points = Scorecard.Trend(Items, changes, D("2024-02-01"), D("2026-05-15"), ScorecardGrouping.Addressee);
            return points.Count == 10 && points.All(p =>
            {
                var direct = Scorecard.Compute(Items, changes, p.AsOf, ScorecardGrouping.Addressee);
                return Items.All(i => direct.StatusOf[i.Id] == p.Scorecard.StatusOf[i.Id] && direct.StatusOf[i.Id] == Scorecard.StatusOn(changes.Where(c => c.RecommendationId == i.Id), p.AsOf))
                    && RecommendationStatuses.All.All(s => direct.Totals[s] == p.Scorecard.Totals[s])
                    && direct.Groups.Select(g => g.Key).SequenceEqual(p.Scorecard.Groups.Select(g => g.Key));
            });
        });
}

public sealed class RecommendationStatusRuleTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 18, 0, 0, TimeSpan.Zero); // 2025-06-16 08:00 at UTC+14

    private static List<(string Field, Problem Problem)> Check(string? status, string? date, bool evidence = false, string? latest = null)
    {
        var problems = new List<(string, Problem)>();
        RecommendationStatusRules.Check(status, date, evidence, latest is null ? null : DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture), Now, problems);
        return problems;
    }

    [Theory]
    [InlineData("InProgress", "2025-06-15", false, null, null, null)]
    [InlineData("inprogress", "2025-06-16", false, null, null, null)] // already the 16th somewhere
    [InlineData("InProgress", "2025-06-17", false, null, "date", "plans.dateInFuture")]
    [InlineData("InProgress", "2025-03-01", false, "2025-03-02", "date", "plans.dateBeforePrevious")]
    [InlineData("InProgress", "2025-03-02", false, "2025-03-02", null, null)] // the same day: recorded order decides
    [InlineData("Implemented", "2025-03-02", false, null, "evidence", "plans.evidenceNeeded")]
    [InlineData("PartlyImplemented", "2025-03-02", false, null, "evidence", "plans.evidenceNeeded")]
    [InlineData("Implemented", "2025-03-02", true, null, null, null)]
    [InlineData("Abandoned", "2025-03-02", false, null, null, null)]
    [InlineData("Done", "2025-03-02", true, null, "status", "plans.unknownStatus")]
    [InlineData("1", "2025-03-02", true, null, "status", "plans.unknownStatus")]
    [InlineData("InProgress", "", false, null, "date", "plans.dateRequired")]
    [InlineData("InProgress", "15/06/2025", false, null, "date", "plans.notADate")]
    [InlineData("InProgress", "1899-12-31", false, null, "date", "plans.notADate")]
    public void A_status_change_is_checked_field_by_field(string status, string date, bool evidence, string? latest, string? field, string? code)
    {
        var problems = Check(status, date, evidence, latest);
        if (field is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            var (f, p) = Assert.Single(problems);
            Assert.Equal(field, f);
            Assert.Equal(code, p.Code);
        }
    }
}
