using FsCheck;
using FsCheck.Fluent;
using Puente.Core.Water;

namespace Puente.Core.Tests;

public sealed class ColoradoTierTests
{
    private static BandValue B(decimal? lo, bool loIn, decimal? hi, bool hiIn, decimal af, string? tier = null) => new(new ElevationBand(lo, loIn, hi, hiIn), af, tier);

    // Minute 323 as in the shipped data file (the data test holds the file to this table).
    public static readonly ColoradoRules Minute323 = new("323", new DateOnly(2017, 9, 27), new DateOnly(2026, 12, 31), 1_500_000m,
        [B(1145, true, null, false, 0, "Surplus"), B(1090, false, 1145, false, 0, "Normal"), B(1075, false, 1090, true, 0, "Tier 0"),
         B(1050, true, 1075, true, 0, "Tier 1"), B(1045, false, 1050, false, 0, "Tier 2a"), B(1025, false, 1045, true, 0, "Tier 2b"), B(null, false, 1025, true, 0, "Tier 3")],
        [B(1145, true, 1170, false, 40_000), B(1170, true, 1200, true, 55_000), B(1200, false, null, false, 80_000)],
        [B(1050, true, 1075, true, 50_000), B(1025, true, 1050, false, 70_000), B(null, false, 1025, false, 125_000)],
        [B(1075, false, 1090, true, 41_000), B(1050, false, 1075, true, 30_000), B(1045, false, 1050, true, 34_000), B(1040, false, 1045, true, 76_000),
         B(1035, false, 1040, true, 84_000), B(1030, false, 1035, true, 92_000), B(1025, false, 1030, true, 101_000), B(null, false, 1025, true, 150_000)]);

    // elevation, surplus, reduction, savings, tier — at and around every band edge.
    public static TheoryData<decimal, decimal, decimal, decimal, string> Edges => new()
    {
        { 1200.01m, 80_000, 0, 0, "Surplus" }, { 1200m, 55_000, 0, 0, "Surplus" }, { 1170m, 55_000, 0, 0, "Surplus" },
        { 1169.99m, 40_000, 0, 0, "Surplus" }, { 1145m, 40_000, 0, 0, "Surplus" }, { 1144.99m, 0, 0, 0, "Normal" },
        { 1090.01m, 0, 0, 0, "Normal" }, { 1090m, 0, 0, 41_000, "Tier 0" }, { 1075.01m, 0, 0, 41_000, "Tier 0" },
        { 1075m, 0, 50_000, 30_000, "Tier 1" }, { 1050.01m, 0, 50_000, 30_000, "Tier 1" }, { 1050m, 0, 50_000, 34_000, "Tier 1" },
        { 1049.99m, 0, 70_000, 34_000, "Tier 2a" }, { 1045.01m, 0, 70_000, 34_000, "Tier 2a" }, { 1045m, 0, 70_000, 76_000, "Tier 2b" },
        { 1040m, 0, 70_000, 84_000, "Tier 2b" }, { 1035m, 0, 70_000, 92_000, "Tier 2b" }, { 1030m, 0, 70_000, 101_000, "Tier 2b" },
        { 1025.01m, 0, 70_000, 101_000, "Tier 2b" }, { 1025m, 0, 70_000, 150_000, "Tier 3" }, { 1024.99m, 0, 125_000, 150_000, "Tier 3" },
        { 900m, 0, 125_000, 150_000, "Tier 3" },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Every_band_edge_gives_the_documented_volumes(decimal elevation, decimal surplus, decimal reduction, decimal savings, string tier)
    {
        var a = ColoradoCalculator.Allotment([Minute323], 2025, elevation);
        Assert.Equal((surplus, reduction, savings, tier), (a.SurplusAf, a.GuidelineReductionAf, a.BwscpSavingsAf, a.Tier));
        Assert.Equal(1_500_000m + surplus - reduction - savings, a.AllotmentAf);
    }

    [Theory]
    [InlineData(2021, 1085, 1_459_000)]
    [InlineData(2022, 1065.85, 1_420_000)]
    [InlineData(2023, 1047.61, 1_396_000)]
    public void The_years_on_record_are_reproduced(int year, decimal elevation, decimal allotment) =>
        Assert.Equal(allotment, ColoradoCalculator.Allotment([Minute323], year, elevation).AllotmentAf);

    [Fact]
    public void Flood_control_releases_replace_the_surplus_up_to_the_treaty_ceiling()
    {
        var a = ColoradoCalculator.Allotment([Minute323], 2025, 1210m, floodControlAf: 250_000m);
        Assert.Equal((0m, 200_000m), (a.SurplusAf, a.FloodControlAf));
        Assert.Equal(1_700_000m, a.AllotmentAf);
    }

    [Fact]
    public void A_year_no_minute_covers_is_an_error_that_asks_for_the_successor()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ColoradoCalculator.Allotment([Minute323], 2027, 1060m));
        Assert.Contains("successor", ex.Message, StringComparison.Ordinal);
    }
}

public sealed class RioGrandeLedgerTests
{
    private static readonly RioGrandeCycle Cycle37 = new(37, new DateOnly(2025, 10, 25));

    [Fact]
    public void Cycles_run_25_october_to_24_october_and_count_leap_days()
    {
        Assert.Equal(new DateOnly(2030, 10, 24), Cycle37.ScheduledEnd);
        Assert.Equal(1826, Cycle37.ScheduledDays); // one 29 February (2028)
        Assert.Equal(1827, new RioGrandeCycle(35, new DateOnly(2015, 10, 25)).ScheduledDays); // 2016 and 2020
        Assert.Equal(1, Cycle37.CycleYear(new DateOnly(2026, 10, 24)));
        Assert.Equal(2, Cycle37.CycleYear(new DateOnly(2026, 10, 25)));
    }

    [Fact]
    public void The_prorated_obligation_counts_days_with_both_ends_included()
    {
        var first = RioGrandeLedger.Status(Cycle37, [], Cycle37.Start);
        Assert.Equal(1, first.ElapsedDays);
        Assert.Equal(1_750_000m / 1826, first.ProratedObligationAf);
        var end = RioGrandeLedger.Status(Cycle37, [], Cycle37.ScheduledEnd);
        Assert.Equal(1_750_000m, end.ProratedObligationAf);
        Assert.Equal(-1_750_000m, end.BalanceAf);
    }

    [Fact]
    public void Deliveries_on_the_cycle_boundaries_belong_to_the_cycle_they_are_dated_in()
    {
        var cycle36 = new RioGrandeCycle(36, new DateOnly(2020, 10, 25), new DateOnly(2025, 10, 24), CycleEnd.OnSchedule);
        Delivery[] deliveries = [new(new DateOnly(2020, 10, 25), 10m, DeliverySource.Conchos), new(new DateOnly(2025, 10, 24), 20m, DeliverySource.Salado),
            new(new DateOnly(2025, 10, 25), 40m, DeliverySource.Conchos), new(new DateOnly(2020, 10, 24), 80m, DeliverySource.Conchos)];
        var s = RioGrandeLedger.Status(cycle36, deliveries, new DateOnly(2025, 10, 24));
        Assert.Equal(30m, s.DeliveredAf);
        Assert.Equal([10m, 0m, 0m, 0m, 20m], s.DeliveredByCycleYearAf);
        Assert.Equal(40m, RioGrandeLedger.Status(Cycle37, deliveries, Cycle37.Start).DeliveredAf);
    }

    [Fact]
    public void A_carried_deficit_is_repaid_first_then_the_cycle_obligation()
    {
        var cycle = new RioGrandeCycle(37, new DateOnly(2025, 10, 25), CarriedDeficitAf: 100_000m, CarriedDeficitBasis: "cycle 36");
        var s = RioGrandeLedger.Status(cycle, [new(new DateOnly(2026, 1, 10), 150_000m, DeliverySource.Conchos)], new DateOnly(2026, 10, 24));
        Assert.Equal(100_000m, s.CarriedDeficitRepaidAf);
        Assert.Equal(50_000m - 1_750_000m * 365 / 1826, s.BalanceAf);
        var owed = 1_750_000m - 50_000m;
        Assert.Equal(owed * (1826m / 5) / (1826 - 365), s.RequiredAnnualPaceAf);
    }

    [Fact]
    public void An_early_closure_settles_the_cycle()
    {
        var cycle = new RioGrandeCycle(30, new DateOnly(2000, 10, 25), new DateOnly(2003, 6, 30), CycleEnd.EarlyStorageFull);
        var s = RioGrandeLedger.Status(cycle, [new(new DateOnly(2002, 1, 1), 900_000m, DeliverySource.Conchos)], new DateOnly(2004, 1, 1));
        Assert.Equal(new DateOnly(2003, 6, 30), s.AsOf);
        Assert.Equal(0m, s.BalanceAf);
    }

    [Fact]
    public void Projections_follow_the_recent_and_the_cycle_to_date_pace()
    {
        // 100,000 AF in each of the first two cycle years: on the last day of year 2, the last 52 weeks delivered 100,000.
        Delivery[] deliveries = [new(new DateOnly(2026, 4, 1), 100_000m, DeliverySource.Conchos), new(new DateOnly(2027, 4, 1), 100_000m, DeliverySource.Conchos)];
        var asOf = new DateOnly(2027, 10, 24);
        var s = RioGrandeLedger.Status(Cycle37, deliveries, asOf);
        Assert.Equal(100_000m, s.Last52WeeksAf);
        var remaining = 1826 - s.ElapsedDays;
        Assert.Equal(200_000m + 100_000m / 364 * remaining - 1_750_000m, s.ProjectedEndBalanceAf);
        Assert.Equal(200_000m * 1826 / s.ElapsedDays - 1_750_000m, s.ProjectedEndBalanceAtCyclePaceAf);
    }

    [Fact]
    public void Projections_count_the_carried_deficit_still_to_repay()
    {
        // 917,727 AF carried in; 100,000 AF delivered in the first year: all of it repays the carried deficit.
        var cycle = Cycle37 with { CarriedDeficitAf = 917_727m };
        Delivery[] deliveries = [new(new DateOnly(2026, 4, 1), 100_000m, DeliverySource.Conchos)];
        var asOf = new DateOnly(2026, 10, 24);
        var s = RioGrandeLedger.Status(cycle, deliveries, asOf);
        var remaining = 1826 - s.ElapsedDays;
        Assert.Equal(100_000m + 100_000m / 364 * remaining - 917_727m - 1_750_000m, s.ProjectedEndBalanceAf);
        Assert.Equal(100_000m * 1826 / s.ElapsedDays - 917_727m - 1_750_000m, s.ProjectedEndBalanceAtCyclePaceAf);
        Assert.True(s.ProjectedEndBalanceAf < -1_750_000m, "at this pace the cycle ends short of its own obligation and of the carried deficit");
    }

    [Fact]
    public void A_backdated_recovery_cannot_take_water_a_later_recovery_already_took()
    {
        ReserveMovement[] existing =
        [
            new(new DateOnly(2026, 1, 1), ReserveMovementKind.Deferral, 100m),
            new(new DateOnly(2026, 6, 1), ReserveMovementKind.Recovery, 100m),
        ];
        var backdated = new ReserveMovement(new DateOnly(2026, 3, 1), ReserveMovementKind.Recovery, 100m);
        Assert.Equal("water.recoveryExceedsBalance", ColoradoReserve.Check(existing, backdated)?.Code);
        Assert.Equal([0m, "2026-06-01"], ColoradoReserve.Check(existing, backdated)!.Arguments.Skip(1));
        Assert.Null(ColoradoReserve.Check(existing, backdated with { Kind = ReserveMovementKind.Deferral }));
        Assert.Null(ColoradoReserve.Check([.. existing, new(new DateOnly(2026, 2, 1), ReserveMovementKind.Deferral, 100m)], backdated));
    }

    [Fact]
    public void A_delivery_entered_by_a_person_names_its_tributary()
    {
        var table = DeliveryImport.Parse("date,volume,unit,source\n2026-11-02,1000,AF,Unspecified\n", [Cycle37], []);
        Assert.Empty(table.Valid);
        Assert.Equal("source", Assert.Single(table.Errors).Field);
    }

    [Fact]
    public void A_running_total_over_several_cycle_years_is_not_put_in_its_last_year()
    {
        // Reported once, on the last day of year 2, as the growth since the cycle began.
        Delivery[] deliveries = [new(new DateOnly(2027, 10, 24), 500_000m, DeliverySource.Unspecified, "running total", Since: Cycle37.Start),
            new(new DateOnly(2027, 10, 30), 7_000m, DeliverySource.Conchos), new(new DateOnly(2028, 3, 1), 9_000m, DeliverySource.Unspecified, "total", Since: new DateOnly(2027, 11, 1))];
        var s = RioGrandeLedger.Status(Cycle37, deliveries, new DateOnly(2028, 6, 1));
        Assert.Equal(516_000m, s.DeliveredAf);
        Assert.Equal([0m, 0m, 16_000m, 0m, 0m], s.DeliveredByCycleYearAf);
        Assert.Equal([new YearsVolume(1, 2, 500_000m)], s.DeliveredAcrossCycleYearsAf);
    }

    [Fact]
    public void The_recent_pace_counts_only_the_part_of_a_running_total_inside_the_last_52_weeks()
    {
        // 730,000 AF reported as the growth over 730 days: about 1,000 AF a day, so 364,000 AF in the last 364 days — not all of it.
        var asOf = Cycle37.Start.AddDays(729);
        Delivery[] deliveries = [new(asOf, 730_000m, DeliverySource.Unspecified, "running total", Since: Cycle37.Start)];
        var s = RioGrandeLedger.Status(Cycle37, deliveries, asOf);
        Assert.Equal(364_000m, s.Last52WeeksAf);
        Assert.Equal(730_000m + 364_000m / 364 * (1826 - 730) - 1_750_000m, s.ProjectedEndBalanceAf);
    }

    [Fact]
    public void Units_convert_exactly()
    {
        Assert.Equal(431.718643141632m, WaterUnits.ToMillionCubicMetres(350_000m)); // exact: 350,000 × 1,233.48183754752 m³
        Assert.Equal(350_000m, WaterUnits.FromCubicMetres(WaterUnits.ToCubicMetres(350_000m)));
    }
}

public sealed class RioGrandePropertyTests
{
    private static readonly RioGrandeCycle Cycle = new(37, new DateOnly(2025, 10, 25));

    private static Arbitrary<Delivery[]> Deliveries() =>
        Gen.Choose(0, 1825).Zip(Gen.Choose(0, 2_000_000))
            .Select(t => new Delivery(Cycle.Start.AddDays(t.Item1), t.Item2 / 100m, DeliverySource.Conchos))
            .ArrayOf().ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property The_balance_is_deliveries_minus_the_prorated_obligation() =>
        Prop.ForAll(Deliveries(), Gen.Choose(0, 1825).ToArbitrary(), (deliveries, day) =>
        {
            var asOf = Cycle.Start.AddDays(day);
            var s = RioGrandeLedger.Status(Cycle, deliveries, asOf);
            var delivered = deliveries.Where(d => d.Date <= asOf).Sum(d => d.VolumeAf);
            return s.DeliveredAf == delivered && s.BalanceAf == delivered - 1_750_000m * (day + 1) / 1826;
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Splitting_or_merging_deliveries_within_a_week_changes_no_total() =>
        Prop.ForAll(Deliveries(), Gen.Choose(0, 1825).ToArbitrary(), (deliveries, day) =>
        {
            var asOf = Cycle.Start.AddDays(day);
            // Split each delivery in two parts dated within its week (same cycle year and not past the as-of date)...
            var split = deliveries.SelectMany(d => new[] { d with { VolumeAf = d.VolumeAf / 3 }, d with { VolumeAf = d.VolumeAf - d.VolumeAf / 3 } });
            // ...and merge deliveries of the same day.
            var merged = deliveries.GroupBy(d => d.Date).Select(g => new Delivery(g.Key, g.Sum(d => d.VolumeAf), DeliverySource.Conchos));
            var a = RioGrandeLedger.Status(Cycle, deliveries, asOf);
            var b = RioGrandeLedger.Status(Cycle, split, asOf);
            var c = RioGrandeLedger.Status(Cycle, merged, asOf);
            return a.DeliveredAf == b.DeliveredAf && a.DeliveredAf == c.DeliveredAf && a.BalanceAf == b.BalanceAf && a.BalanceAf == c.BalanceAf
                && a.DeliveredByCycleYearAf.SequenceEqual(b.DeliveredByCycleYearAf) && a.DeliveredByCycleYearAf.SequenceEqual(c.DeliveredByCycleYearAf);
        });
}

public sealed class DeliveryImportTests
{
    private static readonly RioGrandeCycle[] Cycles =
        [new(36, new DateOnly(2020, 10, 25), new DateOnly(2025, 10, 24), CycleEnd.OnSchedule), new(37, new DateOnly(2025, 10, 25))];

    [Fact]
    public void Good_rows_convert_units_exactly()
    {
        var t = DeliveryImport.Parse("date,volume,unit,source,document\n2026-01-05,1000,AF,Conchos,IBWC weekly 1\n2026-01-12,1233.48183754752,m3,Salado,\n2026-01-12,1,Mm3,StorageTransfer,\n", Cycles, []);
        Assert.Empty(t.Errors);
        Assert.Equal([1000m, 1m, 1_000_000m / WaterUnits.CubicMetresPerAcreFoot], t.Valid.Select(v => v.Delivery.VolumeAf));
        Assert.Equal("IBWC weekly 1", t.Valid[0].Delivery.DocumentReference);
    }

    public static TheoryData<string, int, string> BadRows => new()
    {
        { "2026-01-05,-5,AF,Conchos", 2, "volume" },
        { "2026-01-05,1 000,AF,Conchos", 2, "volume" },
        { "2026-01-05,abc,AF,Conchos", 2, "volume" },
        { "1999-01-05,5,AF,Conchos", 2, "date" },
        { "2031-01-05,5,AF,Conchos", 2, "date" },
        { "05/01/2026,5,AF,Conchos", 2, "date" },
        { "2026-01-05,5,AF,Nile", 2, "source" },
        { "2026-01-05,5,AF,3", 2, "source" },
        { "2026-01-05,5,gallons,Conchos", 2, "unit" },
        { "2026-01-05,5", 2, "row" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void A_bad_row_is_named_with_its_field(string row, int rowNumber, string field)
    {
        var t = DeliveryImport.Parse("date,volume,unit,source\n" + row + "\n", Cycles, []);
        var error = Assert.Single(t.Errors);
        Assert.Equal((rowNumber, field), (error.Row, error.Field));
        Assert.Empty(t.Valid);
    }

    [Fact]
    public void Duplicate_weeks_are_refused_within_the_file_and_against_what_is_recorded()
    {
        var recorded = new[] { new Delivery(new DateOnly(2026, 1, 6), 10m, DeliverySource.Conchos) };
        var t = DeliveryImport.Parse("date,volume,unit,source\n2026-01-05,5,AF,Conchos\n2026-01-13,5,AF,Conchos\n2026-01-14,5,AF,Conchos\n2026-01-14,5,AF,Salado\n", Cycles, recorded);
        Assert.Equal([2, 4], t.Errors.Select(e => e.Row));
        Assert.Equal(2, t.Valid.Count);
    }

    [Fact]
    public void A_wrong_header_is_reported_on_row_1()
    {
        var t = DeliveryImport.Parse("fecha,volumen\n2026-01-05,5\n", Cycles, []);
        Assert.Equal((1, "header"), (t.Errors.Single().Row, t.Errors.Single().Field));
    }
}

public sealed class EarlyClosureTests
{
    private static readonly RioGrandeCycle[] Cycles = [new(36, new DateOnly(2020, 10, 25), new DateOnly(2025, 10, 24), CycleEnd.OnSchedule), new(37, new DateOnly(2025, 10, 25))];

    [Fact]
    public void Both_reservoirs_full_close_the_open_cycle_and_start_the_next()
    {
        StorageReading[] readings =
        [
            new(new DateOnly(2027, 6, 1), Reservoir.Amistad, 1_900_000m, 1_900_000m),
            new(new DateOnly(2027, 6, 8), Reservoir.Falcon, 1_400_000m, 1_475_000m), // Falcon not yet full
            new(new DateOnly(2027, 6, 15), Reservoir.Falcon, 1_475_000m, 1_475_000m),
        ];
        var result = EarlyClosure.Apply(Cycles, readings);
        Assert.Equal(3, result.Count);
        Assert.Equal((new DateOnly(2027, 6, 15), CycleEnd.EarlyStorageFull), (result[1].ActualEnd!.Value, result[1].EndKind));
        Assert.Equal((38, new DateOnly(2027, 6, 16), new DateOnly(2032, 6, 15)), (result[2].Number, result[2].Start, result[2].ScheduledEnd));
        Assert.Equal(CycleEnd.OnSchedule, result[0].EndKind); // closed cycles are history
    }

    [Fact]
    public void One_full_reservoir_or_a_later_drop_does_not_close_the_cycle()
    {
        StorageReading[] readings =
        [
            new(new DateOnly(2027, 6, 1), Reservoir.Amistad, 1_900_000m, 1_900_000m),
            new(new DateOnly(2027, 6, 2), Reservoir.Amistad, 1_800_000m, 1_900_000m), // drawn down again
            new(new DateOnly(2027, 6, 15), Reservoir.Falcon, 1_475_000m, 1_475_000m),
        ];
        Assert.Equal(2, EarlyClosure.Apply(Cycles, readings).Count);
        Assert.Equal(CycleEnd.Open, EarlyClosure.Apply(Cycles, readings)[^1].EndKind);
    }

    [Fact]
    public void After_an_early_closure_the_new_cycle_owes_its_own_prorated_obligation()
    {
        var cycles = EarlyClosure.Apply(Cycles,
            [new(new DateOnly(2027, 6, 15), Reservoir.Amistad, 2m, 1m), new(new DateOnly(2027, 6, 15), Reservoir.Falcon, 2m, 1m)]);
        var closed = RioGrandeLedger.Status(cycles[1], [], new DateOnly(2027, 7, 1));
        Assert.Equal(0m, closed.BalanceAf); // deemed paid
        var next = RioGrandeLedger.Status(cycles[2], [], new DateOnly(2027, 6, 16));
        Assert.Equal(1_750_000m / cycles[2].ScheduledDays, next.ProratedObligationAf);
    }
}

public sealed class WaterBoundsTests
{
    private static readonly RioGrandeCycle[] Cycles = [new(37, new DateOnly(2025, 10, 25))];

    // Each volume is above what one delivery can be (5,000,000 AF) in its own unit; the largest would overflow a conversion.
    [Theory]
    [InlineData("79228162514264337593543950335", "AF")]
    [InlineData("5000000.000001", "AF")]
    [InlineData("6200000000", "m3")]
    [InlineData("100000000000000000000000", "Mm3")]
    [InlineData("79228162514264337593543950335", "Mm3")]
    public void A_volume_above_the_physical_ceiling_is_refused_in_every_unit_without_overflow(string volume, string unit)
    {
        var t = DeliveryImport.Parse($"date,volume,unit,source\n2026-01-05,{volume},{unit},Conchos\n", Cycles, []);
        var error = Assert.Single(t.Errors);
        Assert.Equal(("volume", "water.tooLarge"), (error.Field, error.Problem.Code));
        Assert.Empty(t.Valid);
    }

    [Theory]
    [InlineData("5000000", "AF", 5_000_000)]
    [InlineData("6167.4091877376", "Mm3", 5_000_000)]
    public void The_ceiling_itself_is_accepted(string volume, string unit, decimal af)
    {
        var t = DeliveryImport.Parse($"date,volume,unit,source\n2026-01-05,{volume},{unit},Conchos\n", Cycles, []);
        Assert.Empty(t.Errors);
        Assert.Equal(af, Math.Round(t.Valid.Single().Delivery.VolumeAf, 6));
    }

    [Fact]
    public void A_table_of_junk_lists_the_first_100_problems_and_counts_them_all_up_to_the_row_limit()
    {
        var junk = "date,volume,unit,source\n" + string.Concat(Enumerable.Repeat("junk\n", DeliveryImport.MaxRows + 5_000));
        var t = DeliveryImport.Parse(junk, Cycles, []);
        Assert.Equal(DeliveryImport.MaxErrors, t.Errors.Count);
        Assert.Equal(DeliveryImport.MaxRows, t.Rows);
        Assert.Equal(DeliveryImport.MaxRows + 1, t.ProblemCount); // every row, and the row limit itself
    }

    [Fact]
    public void A_long_document_is_refused_and_a_long_bad_value_is_not_repeated_whole()
    {
        var t = DeliveryImport.Parse($"date,volume,unit,source,document\n2026-01-05,5,AF,{new string('x', 10_000)},{new string('d', 501)}\n", Cycles, []);
        Assert.Equal(["source", "document"], t.Errors.Select(e => e.Field));
        Assert.True(t.Errors[0].Message.Length < 200, t.Errors[0].Message);
    }

    [Theory]
    [InlineData("en-US", "12,000", 12_000)]
    [InlineData("es-MX", "12,000.5", 12_000.5)]
    [InlineData("en-US", "12000", 12_000)]
    public void One_delivery_typed_in_a_form_reads_thousands_separators_of_the_users_language(string culture, string volume, decimal af)
    {
        var errors = new List<RowError>();
        var d = DeliveryImport.Check(1, new DeliveryFields("2026-01-05", volume, "AF", "Conchos", "IBWC, week 1"), Cycles, errors, new System.Globalization.CultureInfo(culture));
        Assert.Empty(errors);
        Assert.Equal((af, "IBWC, week 1"), (d!.VolumeAf, d.DocumentReference)); // the comma in the document is kept
    }

    [Fact]
    public void A_number_the_users_language_cannot_read_is_refused_with_an_example_of_how_to_write_it()
    {
        var errors = new List<RowError>();
        Assert.Null(DeliveryImport.Check(1, new DeliveryFields("2026-01-05", "12.000,5", "AF", "Conchos", null), Cycles, errors, new System.Globalization.CultureInfo("en-US")));
        var error = Assert.Single(errors);
        Assert.Equal(("volume", "'12.000,5' is not a number (write it like 12,345.5)"), (error.Field, error.Message));
    }

    [Fact]
    public void A_reserve_movement_above_a_years_allotment_is_refused()
    {
        Assert.Equal("water.tooLarge", ColoradoReserve.Check([], new ReserveMovement(new DateOnly(2024, 1, 1), ReserveMovementKind.Deferral, 1_700_001m))!.Code);
        Assert.Null(ColoradoReserve.Check([], new ReserveMovement(new DateOnly(2024, 1, 1), ReserveMovementKind.Deferral, 1_700_000m)));
    }

    [Fact]
    public void A_withdrawn_delivery_frees_its_week()
    {
        var record = new WaterDeliveryRecord { Date = new DateOnly(2026, 1, 8), Source = DeliverySource.Conchos };
        Assert.Equal(new DateOnly(2026, 1, 5), record.WeekOf); // the Monday
        record.Withdraw("typed twice");
        Assert.Equal((true, (DateOnly?)null, "typed twice"), (record.Withdrawn, record.WeekOf, record.WithdrawalReason));
    }
}

public sealed class ColoradoCalculatorInputTests
{
    [Fact]
    public void A_year_before_the_first_minute_says_so_and_a_year_after_the_last_asks_for_the_successor()
    {
        Assert.Equal("2016 is before the first minute in the tier table (Minute 323, in force from 2017-09-27).",
            ColoradoCalculator.Uncovered([ColoradoTierTests.Minute323], 2016)!.ToString());
        Assert.Equal("water.noMinute", ColoradoCalculator.Uncovered([ColoradoTierTests.Minute323], 2027)!.Code);
        var ex = Assert.Throws<InvalidOperationException>(() => ColoradoCalculator.Allotment([ColoradoTierTests.Minute323], 2016, 1060m));
        Assert.Contains("before the first minute", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025", "-5", "elevation", "water.elevationOutOfRange")]
    [InlineData("2025", "99999", "elevation", "water.elevationOutOfRange")]
    [InlineData("2025", "abc", "elevation", "water.elevationNotANumber")]
    [InlineData("2025", "", "elevation", "water.elevationMissing")]
    [InlineData("abc", "1060", "year", "water.notAYear")]
    [InlineData("99999", "1060", "year", "water.yearOutOfRange")]
    [InlineData("2016", "1060", "year", "water.beforeFirstMinute")]
    public void Every_bad_calculator_input_is_named(string year, string elevation, string field, string code)
    {
        var problems = new List<FieldProblem>();
        Assert.Null(ColoradoCalculator.Read([ColoradoTierTests.Minute323], year, elevation, null, problems));
        var problem = Assert.Single(problems);
        Assert.Equal((field, code), (problem.Field, problem.Problem.Code));
    }

    [Fact]
    public void Good_calculator_inputs_are_read()
    {
        var problems = new List<FieldProblem>();
        Assert.Equal((2025, 1060.5m, 0m), ColoradoCalculator.Read([ColoradoTierTests.Minute323], "2025", "1060.5", "", problems));
        Assert.Empty(problems);
    }
}
