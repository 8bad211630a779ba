using FsCheck;
using FsCheck.Fluent;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Health;
using Puente.Core.Memory;

namespace Puente.Core.Tests;

public sealed class MechanismHealthTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // Annual: 1.5 intervals = 18 months, 3 intervals = 36 months, both ends inclusive.
    [InlineData(Cadence.Annual, "2016-02-25", "2016-02-25", MechanismStatus.OnCadence)]
    [InlineData(Cadence.Annual, "2016-02-25", "2017-08-25", MechanismStatus.OnCadence)]
    [InlineData(Cadence.Annual, "2016-02-25", "2017-08-26", MechanismStatus.Late)]
    [InlineData(Cadence.Annual, "2016-02-25", "2019-02-25", MechanismStatus.Late)]
    [InlineData(Cadence.Annual, "2016-02-25", "2019-02-26", MechanismStatus.Dormant)]
    // Quarterly: 4.5 months. 10 January + 4 months = 10 May; half of May 10 → June 10 (31 days) is 15.5 days.
    [InlineData(Cadence.Quarterly, "2024-01-10", "2024-05-25", MechanismStatus.OnCadence)]
    [InlineData(Cadence.Quarterly, "2024-01-10", "2024-05-26", MechanismStatus.Late)]
    [InlineData(Cadence.Quarterly, "2024-01-10", "2024-10-10", MechanismStatus.Late)]
    [InlineData(Cadence.Quarterly, "2024-01-10", "2024-10-11", MechanismStatus.Dormant)]
    // Monthly from the 31st: a month later is 29 February (leap year); half of 29 Feb → 31 Mar (31 days).
    [InlineData(Cadence.Monthly, "2024-01-31", "2024-03-15", MechanismStatus.OnCadence)]
    [InlineData(Cadence.Monthly, "2024-01-31", "2024-03-16", MechanismStatus.Late)]
    [InlineData(Cadence.Monthly, "2024-01-31", "2024-04-30", MechanismStatus.Late)]
    [InlineData(Cadence.Monthly, "2024-01-31", "2024-05-01", MechanismStatus.Dormant)]
    // Continuous: judged as every three months.
    [InlineData(Cadence.Continuous, "2024-01-10", "2024-05-25", MechanismStatus.OnCadence)]
    [InlineData(Cadence.Continuous, "2024-01-10", "2024-10-11", MechanismStatus.Dormant)]
    // Biannual 9 / 18 months; Biennial 36 / 72; Triennial 54 / 108.
    [InlineData(Cadence.Biannual, "2019-04-11", "2020-01-11", MechanismStatus.OnCadence)]
    [InlineData(Cadence.Biannual, "2019-04-11", "2020-01-12", MechanismStatus.Late)]
    [InlineData(Cadence.Biennial, "2010-06-01", "2016-06-02", MechanismStatus.Dormant)]
    [InlineData(Cadence.Triennial, "2010-06-01", "2014-12-01", MechanismStatus.OnCadence)]
    [InlineData(Cadence.Triennial, "2010-06-01", "2014-12-02", MechanismStatus.Late)]
    // Ad hoc: never late or dormant once it has met.
    [InlineData(Cadence.AdHoc, "1990-01-01", "2026-01-01", MechanismStatus.AdHoc)]
    public void The_status_changes_at_one_and_a_half_and_three_intervals(Cadence cadence, string last, string asOf, MechanismStatus expected) =>
        Assert.Equal(expected, MechanismHealth.StatusOn(cadence, D(last), D(asOf)));

    [Fact]
    public void Before_its_first_session_a_mechanism_has_not_yet_met_whatever_its_cadence()
    {
        foreach (var cadence in Enum.GetValues<Cadence>())
        {
            Assert.Equal(MechanismStatus.NotYetMet, MechanismHealth.StatusOn(cadence, null, D("2020-01-01")));
            Assert.Equal(MechanismStatus.NotYetMet, MechanismHealth.Read(cadence, [D("2021-09-09")], D("2021-09-08")).Status);
        }
    }

    [Fact]
    public void The_next_session_is_the_next_recorded_one_else_the_last_plus_one_interval_marked_expected()
    {
        DateOnly[] sessions = [D("2015-01-06"), D("2016-02-25"), D("2021-09-09")];
        var dormant = MechanismHealth.Read(Cadence.Annual, sessions, D("2019-06-30"));
        Assert.Equal(new CadenceReading(MechanismStatus.Dormant, D("2016-02-25"), D("2021-09-09"), false), dormant);
        var latest = MechanismHealth.Read(Cadence.Annual, sessions, D("2022-06-30"));
        Assert.Equal(new CadenceReading(MechanismStatus.OnCadence, D("2021-09-09"), D("2022-09-09"), true), latest);
        Assert.Equal(new CadenceReading(MechanismStatus.AdHoc, D("2021-09-09"), null, false), MechanismHealth.Read(Cadence.AdHoc, sessions, D("2022-06-30")));
        Assert.Equal(new CadenceReading(MechanismStatus.NotYetMet, null, D("2015-01-06"), false), MechanismHealth.Read(Cadence.Annual, sessions, D("2014-01-01")));
    }

    [Fact]
    public void Sessions_in_the_last_three_years_exclude_the_day_three_years_before_and_include_the_as_of_day()
    {
        DateOnly[] sessions = [D("2019-06-30"), D("2019-07-01"), D("2022-06-30"), D("2022-06-30"), D("2022-07-01")];
        Assert.Equal(3, MechanismHealth.SessionsInWindow(sessions, D("2022-06-30")));
        Assert.Equal(0, MechanismHealth.SessionsInWindow(sessions, D("2019-06-29")));
    }

    private static readonly AdministrationTerm[] Terms =
    [
        new("MX-PENA-NIETO", "MX", D("2012-12-01"), D("2018-11-30")),
        new("MX-LOPEZ-OBRADOR", "MX", D("2018-12-01"), D("2024-09-30")),
        new("MX-SHEINBAUM", "MX", D("2024-10-01"), D("2030-09-30")),
        new("US-TRUMP-1", "US", D("2017-01-20"), D("2021-01-19")),
        new("US-BIDEN", "US", D("2021-01-20"), D("2025-01-19")),
        new("US-TRUMP-2", "US", D("2025-01-20"), null),
    ];

    [Fact]
    public void The_administrations_met_under_come_from_the_session_days_against_the_terms_both_ends_inclusive()
    {
        DateOnly[] sessions = [D("2018-11-30"), D("2021-01-20"), D("2025-02-01")];
        Assert.Equal(["MX-PENA-NIETO", "MX-LOPEZ-OBRADOR", "US-TRUMP-1", "US-BIDEN"], MechanismHealth.AdministrationsMet(sessions, Terms, D("2024-12-31")));
        Assert.Equal(["MX-PENA-NIETO", "US-TRUMP-1"], MechanismHealth.AdministrationsMet(sessions, Terms, D("2021-01-19")));
        Assert.False(MechanismHealth.MetUnderTwoOfEach(sessions, Terms, D("2021-01-19")));
        Assert.True(MechanismHealth.MetUnderTwoOfEach(sessions, Terms, D("2021-01-20")));
    }

    [Fact]
    public void The_seniority_per_side_is_the_most_senior_participant_of_that_side()
    {
        var s = SessionSeniority.From("HLED-2013-09-20", D("2013-09-20"),
            [("MX", Seniority.Cabinet), ("US", Seniority.DeputySecretary), ("US", null), ("MX", Seniority.SeniorOfficial), ("CA", Seniority.HeadOfState)]);
        Assert.Equal(Seniority.Cabinet, s.Mx);
        Assert.Equal(Seniority.DeputySecretary, s.Us);
        Assert.Null(SessionSeniority.From("X", D("2013-09-20"), [("US", null)]).Us);
    }

    [Fact]
    public void The_kept_share_counts_partly_kept_as_half_and_is_null_when_nothing_is_judged()
    {
        var outcomes = CommitmentOutcomes.From([(CommitmentStatus.Kept, 2), (CommitmentStatus.PartlyKept, 1), (CommitmentStatus.Broken, 1),
            (CommitmentStatus.InProgress, 3), (CommitmentStatus.Withdrawn, 5), (CommitmentStatus.NotStarted, 1)]);
        Assert.Equal(4, outcomes.Open);
        Assert.Equal(5, outcomes.Closed);
        Assert.Equal(2.5 / 4, outcomes.KeptShareOfJudged);
        Assert.Equal(2.5 / 8, outcomes.KeptShareOfDue);
        Assert.Null(CommitmentOutcomes.From([(CommitmentStatus.Stalled, 2)]).KeptShareOfJudged);
        Assert.Null(CommitmentOutcomes.None.KeptShareOfDue);
    }

    [Fact]
    public void Quarter_ends_cover_every_quarter_and_stop_at_the_last_day_asked()
    {
        Assert.Equal([D("2006-03-31"), D("2006-06-30"), D("2006-09-30"), D("2006-12-31")], Quarters.Ends(D("2006-01-01"), D("2006-12-31")));
        Assert.Equal([D("2026-09-30"), D("2026-12-01")], Quarters.Ends(D("2026-08-15"), D("2026-12-01")));
        Assert.Equal([D("2020-05-05")], Quarters.Ends(D("2020-05-05"), D("2020-05-05")));
        Assert.Empty(Quarters.Ends(D("2020-05-05"), D("2020-05-04")));
        Assert.Equal(81, Quarters.Ends(D("2006-01-01"), D("2026-01-15")).Count);
    }
}

public sealed class MechanismHealthPropertyTests
{
    private static readonly Cadence[] WithInterval = [.. Enum.GetValues<Cadence>().Where(c => c != Cadence.AdHoc)];

    private static int Rank(MechanismStatus s) => s switch
    {
        MechanismStatus.OnCadence => 0,
        MechanismStatus.Late => 1,
        MechanismStatus.Dormant => 2,
        _ => throw new InvalidOperationException(s.ToString()),
    };

    private static Arbitrary<DateOnly> Days() => Gen.Choose(0, 365 * 200).Select(d => new DateOnly(1900, 1, 1).AddDays(d)).ToArbitrary();

    private static Arbitrary<Cadence> Cadences() => Gen.Elements(WithInterval).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property The_status_only_worsens_as_time_passes_without_a_session() =>
        Prop.ForAll(Cadences(), Days(), Gen.Choose(0, 4000).Zip(Gen.Choose(0, 4000)).ToArbitrary(), (cadence, last, ab) =>
        {
            var (early, late) = (Math.Min(ab.Item1, ab.Item2), Math.Max(ab.Item1, ab.Item2));
            return Rank(MechanismHealth.StatusOn(cadence, last, last.AddDays(early))) <= Rank(MechanismHealth.StatusOn(cadence, last, last.AddDays(late)));
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Exactly_three_intervals_after_the_last_session_is_late_and_the_next_day_dormant() =>
        Prop.ForAll(Cadences(), Days(), (cadence, last) =>
        {
            var boundary = last.AddMonths(3 * CadenceIntervals.Months(cadence)!.Value);
            return MechanismHealth.StatusOn(cadence, last, boundary) == MechanismStatus.Late
                && MechanismHealth.StatusOn(cadence, last, boundary.AddDays(1)) == MechanismStatus.Dormant;
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property One_and_a_half_intervals_fall_between_the_shortest_and_longest_months() =>
        Prop.ForAll(Cadences(), Days(), Gen.Choose(0, 6000).ToArbitrary(), (cadence, last, days) =>
        {
            var months = CadenceIntervals.Months(cadence)!.Value;
            var status = MechanismHealth.StatusOn(cadence, last, last.AddDays(days));
            // Calendar months are 28 to 31 days: inside 1.5 × 28 days a mechanism is on cadence, beyond 1.5 × 31 it is not;
            // likewise for 3 intervals and dormancy.
            return (days > 1.5 * months * 28 || status == MechanismStatus.OnCadence)
                && (days <= 1.5 * months * 31 || status != MechanismStatus.OnCadence)
                && (days > 3 * months * 28 || status != MechanismStatus.Dormant)
                && (days <= 3 * months * 31 || status == MechanismStatus.Dormant);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property When_one_and_a_half_intervals_are_whole_months_their_last_day_is_on_cadence_and_the_next_late() =>
        Prop.ForAll(Gen.Elements(Cadence.Biannual, Cadence.Annual, Cadence.Biennial, Cadence.Triennial).ToArbitrary(), Days(), (cadence, last) =>
        {
            var boundary = last.AddMonths(3 * CadenceIntervals.Months(cadence)!.Value / 2);
            return MechanismHealth.StatusOn(cadence, last, boundary) == MechanismStatus.OnCadence
                && MechanismHealth.StatusOn(cadence, last, boundary.AddDays(1)) == MechanismStatus.Late;
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property A_session_held_in_between_never_makes_the_status_worse() =>
        Prop.ForAll(Cadences(), Days(), Gen.Choose(0, 4000).Zip(Gen.Choose(0, 4000)).ToArbitrary(), (cadence, first, spans) =>
        {
            var (gap, after) = spans;
            var asOf = first.AddDays(gap + after);
            var between = first.AddDays(gap);
            var without = MechanismHealth.Read(cadence, [first], asOf).Status;
            var with = MechanismHealth.Read(cadence, [first, between], asOf).Status;
            return Rank(with) <= Rank(without) && MechanismHealth.Read(cadence, [first, asOf], asOf).Status == MechanismStatus.OnCadence;
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Quarter_points_are_one_per_quarter_ascending_and_within_the_range() =>
        Prop.ForAll(Days(), Gen.Choose(0, 3000).ToArbitrary(), (from, length) =>
        {
            var to = from.AddDays(length);
            var ends = Quarters.Ends(from, to);
            return ends.Count == Quarters.Count(from, to) && ends[^1] == to && ends.All(e => e >= from && e <= to)
                && ends.Zip(ends.Skip(1)).All(p => p.First < p.Second && Quarters.EndOf(p.First) != Quarters.EndOf(p.Second));
        });
}

public sealed class InstitutionalizationIndexTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static IndexFacts Facts(IReadOnlyList<EngagementDay>? days = null, IReadOnlyList<TrackDay>? tracks = null, int trackCount = 4,
        IReadOnlyList<MechanismSessions>? mechanisms = null, IReadOnlyDictionary<DateOnly, CommitmentOutcomes>? commitments = null) => new()
    {
        Days = days ?? [],
        TrackDays = tracks ?? [],
        TrackCount = trackCount,
        Mechanisms = mechanisms ?? [],
        Administrations =
        [
            new("MX-A", "MX", D("2000-01-01"), D("2005-12-31")), new("MX-B", "MX", D("2006-01-01"), null),
            new("US-A", "US", D("2000-01-01"), D("2003-12-31")), new("US-B", "US", D("2004-01-01"), null),
        ],
        CommitmentsDue = commitments ?? new Dictionary<DateOnly, CommitmentOutcomes>(),
    };

    [Fact]
    public void With_no_data_at_all_the_index_and_every_part_are_null()
    {
        var r = InstitutionalizationIndex.Compute(Facts(), D("2010-01-01"));
        Assert.Null(r.Value);
        Assert.Null(r.Parts.BelowHeadOfState.Value);
        Assert.Null(r.Parts.CommitmentsKept.Value);
        Assert.Equal(0, r.Parts.OnCadence.EffectiveWeight);
    }

    [Fact]
    public void A_part_with_no_data_is_null_and_the_others_weights_are_renormalised()
    {
        // Only the engagements part has data: 3 of 4 below head-of-state level → 75.
        var r = InstitutionalizationIndex.Compute(Facts(days: [new(D("2009-06-01"), 4, 1)], trackCount: 0), D("2010-01-01"));
        Assert.Equal(0.75, r.Parts.BelowHeadOfState.Value);
        Assert.Equal(1, r.Parts.BelowHeadOfState.EffectiveWeight);
        Assert.Equal(75, r.Value);

        // Add commitments due: one kept, one broken → 0.5; weights 0.25 and 0.15 become 0.625 and 0.375.
        var both = InstitutionalizationIndex.Compute(Facts(days: [new(D("2009-06-01"), 4, 1)], trackCount: 0,
            commitments: new Dictionary<DateOnly, CommitmentOutcomes> { [D("2010-01-01")] = new(0, 1, 0, 1, 0) }), D("2010-01-01"));
        Assert.Equal(0.625, both.Parts.BelowHeadOfState.EffectiveWeight);
        Assert.Equal(0.375, both.Parts.CommitmentsKept.EffectiveWeight);
        Assert.Equal(Math.Round(100 * (0.625 * 0.75 + 0.375 * 0.5), 1), both.Value);
    }

    [Fact]
    public void Engagements_outside_the_three_year_window_do_not_count()
    {
        var r = InstitutionalizationIndex.Compute(Facts(days: [new(D("2007-01-01"), 9, 9), new(D("2007-01-02"), 2, 0), new(D("2010-01-02"), 5, 5)]),
            D("2010-01-01"));
        Assert.Equal(2, r.Parts.BelowHeadOfState.Engagements);
        Assert.Equal(1, r.Parts.BelowHeadOfState.Value);
    }

    [Fact]
    public void The_spread_is_one_when_engagements_are_even_over_every_track_and_zero_on_one_track()
    {
        TrackDay[] even = [new("A", D("2009-01-01"), 3), new("B", D("2009-01-01"), 3), new("C", D("2009-02-01"), 3), new("D", D("2009-03-01"), 3)];
        Assert.Equal(1, InstitutionalizationIndex.Compute(Facts(tracks: even), D("2010-01-01")).Parts.TrackSpread.Value);
        var one = InstitutionalizationIndex.Compute(Facts(tracks: [new("A", D("2009-01-01"), 7)]), D("2010-01-01")).Parts.TrackSpread;
        Assert.Equal(0, one.Value);
        Assert.Equal(1, one.TracksUsed);
        Assert.Null(InstitutionalizationIndex.Compute(Facts(tracks: [new("A", D("2009-01-01"), 7)], trackCount: 0), D("2010-01-01")).Parts.TrackSpread.Value);
    }

    [Fact]
    public void Mechanisms_count_for_cadence_once_met_and_for_continuity_when_active_in_the_window()
    {
        MechanismSessions[] mechanisms =
        [
            new("ANNUAL-ON", Cadence.Annual, [D("2002-05-01"), D("2009-05-01")]), // on cadence; MX-A, MX-B, US-A, US-B
            new("ANNUAL-DORMANT", Cadence.Annual, [D("2001-05-01")]),              // dormant, not active
            new("AD-HOC", Cadence.AdHoc, [D("2009-05-01")]),                       // not counted for cadence; active, one term each
            new("NOT-YET", Cadence.Annual, [D("2011-05-01")]),                     // counted nowhere
        ];
        var p = InstitutionalizationIndex.Compute(Facts(mechanisms: mechanisms), D("2010-01-01")).Parts;
        Assert.Equal((2, 1, 0, 1), (p.OnCadence.Mechanisms, p.OnCadence.OnCadence, p.OnCadence.Late, p.OnCadence.Dormant));
        Assert.Equal(0.5, p.OnCadence.Value);
        Assert.Equal((2, 1), (p.Continuity.Mechanisms, p.Continuity.MetUnderTwoOfEach));
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property The_index_is_between_0_and_100_whatever_the_facts() =>
        Prop.ForAll(Gen.Choose(0, 50).Zip(Gen.Choose(0, 50)).ListOf().ToArbitrary(), Gen.Choose(0, 9).ArrayOf().ToArbitrary(), (counts, outcomes) =>
        {
            var days = counts.Select((c, i) => new EngagementDay(D("2008-01-01").AddDays(i * 10), c.Item1 + c.Item2, c.Item2)).ToList();
            var tracks = counts.Select((c, i) => new TrackDay(((char)('A' + (i % 4))).ToString(), D("2008-01-01").AddDays(i * 10), c.Item1)).ToList();
            var o = outcomes.Concat(new int[5]).ToArray();
            var r = InstitutionalizationIndex.Compute(Facts(days, tracks, commitments: new Dictionary<DateOnly, CommitmentOutcomes>
                { [D("2010-01-01")] = new(o[0], o[1], o[2], o[3], o[4]) }), D("2010-01-01"));
            return r.Value is null or (>= 0 and <= 100)
                && new double?[] { r.Parts.BelowHeadOfState.Value, r.Parts.TrackSpread.Value, r.Parts.CommitmentsKept.Value }.All(v => v is null or (>= 0 and <= 1));
        });
}
