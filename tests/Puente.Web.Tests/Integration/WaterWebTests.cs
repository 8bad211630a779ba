using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Puente.Core.Water;
using Puente.Data.Water;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>The seeded water history, the API and the page.</summary>
public sealed class WaterWebTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void The_seeded_history_reproduces_the_public_figures_it_was_built_from()
    {
        var c34 = WaterData.RioGrande.Single(h => h.Cycle.Number == 34);
        Assert.Equal(-263_250m, RioGrandeLedger.Status(c34.Cycle, c34.Deliveries, c34.Cycle.End).BalanceAf);
        var c35 = WaterData.RioGrande.Single(h => h.Cycle.Number == 35);
        var july2020 = RioGrandeLedger.Status(c35.Cycle, c35.Deliveries, new DateOnly(2020, 7, 1));
        Assert.Equal(263_250m, july2020.CarriedDeficitRepaidAf);
        Assert.Equal(432_360m, RioGrandeCycle.CycleObligationAf - (july2020.DeliveredAf - july2020.CarriedDeficitRepaidAf));
        var c36 = WaterData.RioGrande.Single(h => h.Cycle.Number == 36);
        Assert.Equal(3, c36.ClosingDeficits.Count); // sources disagree: every figure is kept with its source
        Assert.All(c36.ClosingDeficits, f => Assert.False(string.IsNullOrWhiteSpace(f.Source)));
        var c37 = WaterData.RioGrande.Single(h => h.Cycle.Number == 37);
        Assert.Equal((CycleEnd.Open, new DateOnly(2030, 10, 24)), (c37.Cycle.EndKind, c37.Cycle.End));
        Assert.False(c37.CarriedDeficitKnown);
    }

    [Fact]
    public void Every_closed_cycle_ends_at_its_recorded_closing_figure_or_within_their_range()
    {
        var closed = WaterData.RioGrande.Where(h => h.Cycle.EndKind != CycleEnd.Open).ToList();
        Assert.Equal([34, 35, 36], closed.Select(h => h.Cycle.Number));
        foreach (var h in closed)
        {
            var deficit = -RioGrandeLedger.Status(h.Cycle, h.Deliveries, h.Cycle.End).BalanceAf;
            var (low, high) = h.ClosingDeficitRangeAf!.Value;
            Assert.InRange(deficit, low, high);
            Assert.Equal(h.LedgerClosingDeficit!.AcreFeet, deficit);
        }

        // Cycle 37 carries cycle 36's ledger figure, unsettled, with the published range.
        var c36 = closed[2];
        var c37 = WaterData.RioGrande.Single(h => h.Cycle.Number == 37);
        Assert.Equal((917_727m, false), (c37.Cycle.CarriedDeficitAf, c37.CarriedDeficitKnown));
        Assert.Equal(c36.ClosingDeficitRangeAf, c37.CarriedDeficitRangeAf);
        Assert.Equal((800_000m, 917_727m), c37.CarriedDeficitRangeAf);
    }

    [Fact]
    public void Seeded_running_totals_sit_in_the_cycle_years_they_cover()
    {
        var c35 = WaterData.RioGrande.Single(h => h.Cycle.Number == 35);
        var july2020 = RioGrandeLedger.Status(c35.Cycle, c35.Deliveries, new DateOnly(2020, 7, 1));
        Assert.Equal([263_250m, 0m, 0m, 0m, 0m], july2020.DeliveredByCycleYearAf); // the repayment, by 25 January 2016
        Assert.Equal([new YearsVolume(1, 5, 1_317_640m)], july2020.DeliveredAcrossCycleYearsAf); // not all in year 5

        var c36 = WaterData.RioGrande.Single(h => h.Cycle.Number == 36);
        var at = (int y, int m, int d) => RioGrandeLedger.Status(c36.Cycle, c36.Deliveries, new DateOnly(y, m, d));
        // The published running totals: ≈519 Mm³ by 22 Oct 2024, ≈425,405 AF by January, ≈530,730 AF by April 2025.
        Assert.Equal(Math.Round(WaterUnits.FromMillionCubicMetres(519m)), at(2024, 10, 22).DeliveredAf);
        Assert.Equal(425_405m, at(2025, 1, 31).DeliveredAf);
        Assert.Equal(530_730m, at(2025, 4, 30).DeliveredAf);
        Assert.Equal(730_730m, at(2025, 7, 31).DeliveredAf);
        var end = at(2025, 10, 24);
        Assert.Equal([new YearsVolume(1, 4, 420_760m), new YearsVolume(4, 5, 4_645m)], end.DeliveredAcrossCycleYearsAf);
        Assert.Equal(105_325m + 200_000m + 101_543m, end.DeliveredByCycleYearAf[4]);
    }

    [Theory]
    [InlineData("2015-10-24", "en-US")]
    [InlineData("2020-07-01", "en-US")]
    [InlineData("2020-10-24", "en-US")]
    [InlineData("2020-10-24", "es-MX")]
    [InlineData("2025-10-24", "en-US")]
    [InlineData("2025-10-24", "es-MX")]
    [InlineData("2026-03-01", "es-MX")]
    public async Task The_headline_and_the_table_give_the_same_delivered_volume(string asOf, string culture)
    {
        using var client = await app.UiAs(TestUsers.UsAnalyst, culture);
        var page = await client.GetStringAsync($"/Water?AsOf={asOf}&Units=af");
        var headline = System.Text.RegularExpressions.Regex.Match(page, "(?:has delivered|ha entregado) ([0-9,]+) (?:AF|acres-pie)").Groups[1].Value;
        var row = System.Text.RegularExpressions.Regex.Match(page, "id=\"delivered-toward\"><th>[^<]*</th><td>([0-9,]+) ").Groups[1].Value;
        Assert.NotEmpty(headline);
        Assert.Equal(headline, row);
    }

    [Fact]
    public async Task The_history_says_how_each_cycle_ended_and_the_page_at_each_end_agrees()
    {
        using var english = await app.UiAs(TestUsers.UsAnalyst, "en-US");
        var c35 = await english.GetStringAsync("/Water?AsOf=2020-10-24&Units=af");
        Assert.Contains("Mexico has delivered 1,750,000 AF (2,158.6 hm³) of 1,750,000 AF", c35, StringComparison.Ordinal);
        Assert.Contains("<th>Balance (negative is a deficit)</th><td>0 AF", c35, StringComparison.Ordinal); // closed without deficit
        Assert.Contains("The cycle has ended: Closed by a minute without deficit.", c35, StringComparison.Ordinal);
        Assert.Contains("Ended on schedule with a deficit of 263,250 AF", c35, StringComparison.Ordinal); // cycle 34 in the history
        var c36 = await english.GetStringAsync("/Water?AsOf=2025-10-24&Units=af");
        Assert.Contains("<th>Balance (negative is a deficit)</th><td>-917,727 AF", c36, StringComparison.Ordinal);
        Assert.Contains("The sources disagree: 800,000 AF (986.8 hm³) to 917,727 AF (1,132.0 hm³); the ledger uses 917,727 AF (1,132.0 hm³) (IBWC sheets quoted by TRT).", c36, StringComparison.Ordinal);
        Assert.DoesNotContain("On schedule<", c36, StringComparison.Ordinal);

        using var spanish = await app.UiAs(TestUsers.MxViewer, "es-MX");
        var es = await spanish.GetStringAsync("/Water?AsOf=2025-10-24");
        Assert.Contains("Terminó en la fecha prevista con un déficit de 1,132.0 hm³ (917,727 acres-pie)", es, StringComparison.Ordinal);
        Assert.Contains("Las fuentes difieren", es, StringComparison.Ordinal);
        Assert.Contains("Cerrado mediante un acta, sin déficit", es, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cycle_with_an_unsettled_carried_deficit_says_so_everywhere_and_paces_both_ends()
    {
        using var english = await app.UiAs(TestUsers.UsAnalyst, "en-US");
        var en = await english.GetStringAsync("/Water?AsOf=2026-03-01&Units=af");
        Assert.Contains("id=\"carried-unsettled\"", en, StringComparison.Ordinal);
        Assert.Contains("This page carries 917,727 AF", en, StringComparison.Ordinal);
        Assert.Contains("<th>Deficit carried in / repaid</th><td>917,727 AF", en, StringComparison.Ordinal);
        Assert.Contains("Not settled: the sources give 800,000 AF", en, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>Deficit carried in / repaid</th><td>0 AF", en, StringComparison.Ordinal);
        var c37 = WaterData.RioGrande.Single(h => h.Cycle.Number == 37);
        var asOf = new DateOnly(2026, 3, 1);
        var high = RioGrandeLedger.Status(c37.Cycle, [], asOf).RequiredAnnualPaceAf;
        var low = RioGrandeLedger.Status(c37.Cycle with { CarriedDeficitAf = 800_000m }, [], asOf).RequiredAnnualPaceAf;
        Assert.True(high > low);
        var c = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        Assert.Contains($"{high.ToString("N0", c)} AF ({WaterUnits.ToMillionCubicMetres(high).ToString("N1", c)} hm³) with 917,727 AF", en, StringComparison.Ordinal);
        Assert.Contains($"{low.ToString("N0", c)} AF ({WaterUnits.ToMillionCubicMetres(low).ToString("N1", c)} hm³) with 800,000 AF", en, StringComparison.Ordinal);

        using var spanish = await app.UiAs(TestUsers.MxViewer, "es-MX");
        var es = await spanish.GetStringAsync("/Water?AsOf=2026-03-01");
        Assert.Contains("Esta página arrastra 1,132.0 hm³ (917,727 acres-pie)", es, StringComparison.Ordinal);
        Assert.Contains("Sin resolver: las fuentes dan de 986.8 hm³ (800,000 acres-pie)", es, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_spanish_page_shows_sources_notes_tiers_and_units_in_spanish_and_no_repository_paths()
    {
        using var spanish = await app.UiAs(TestUsers.MxViewer, "es-MX");
        var es = await spanish.GetStringAsync("/Water?AsOf=2026-03-01&Year=2023&Elevation=1047.61");
        Assert.Contains("Hojas de la CILA/IBWC citadas por TRT", es, StringComparison.Ordinal);
        Assert.Contains("Texto del Tratado; Baker Institute sobre el Acta 234", es, StringComparison.Ordinal);
        Assert.Contains("Entregas lentas. El Acta 331", es, StringComparison.Ordinal);
        Assert.Contains("el déficit de cierre del ciclo 36", es, StringComparison.Ordinal);
        Assert.Contains("<td>Nivel 2a</td>", es, StringComparison.Ordinal);
        Assert.DoesNotContain(">Tier ", es, StringComparison.Ordinal);
        Assert.Contains("acres-pie)", es, StringComparison.Ordinal);
        Assert.DoesNotContain(" AF)", es, StringComparison.Ordinal);
        Assert.DoesNotContain("IBWC sheets quoted by TRT", es, StringComparison.Ordinal);
        using var english = await app.UiAs(TestUsers.UsAnalyst, "en-US");
        foreach (var page in new[] { es, await english.GetStringAsync("/Water?AsOf=2026-03-01&Year=2023&Elevation=1047.61") })
        {
            Assert.DoesNotContain("../shared", page, StringComparison.Ordinal);
            Assert.DoesNotContain(".md", page, StringComparison.Ordinal);
        }
    }

    // elevation → (surplus, reduction, savings, tier) at and around every band edge of Minute 323 (water.md).
    public static TheoryData<decimal, decimal, decimal, decimal, string> Edges => new()
    {
        { 1200.01m, 80_000, 0, 0, "Surplus" }, { 1200m, 55_000, 0, 0, "Surplus" }, { 1169.99m, 40_000, 0, 0, "Surplus" },
        { 1145m, 40_000, 0, 0, "Surplus" }, { 1144.99m, 0, 0, 0, "Normal" }, { 1090m, 0, 0, 41_000, "Tier 0" },
        { 1075m, 0, 50_000, 30_000, "Tier 1" }, { 1050m, 0, 50_000, 34_000, "Tier 1" }, { 1049.99m, 0, 70_000, 34_000, "Tier 2a" },
        { 1045m, 0, 70_000, 76_000, "Tier 2b" }, { 1025m, 0, 70_000, 150_000, "Tier 3" }, { 1024.99m, 0, 125_000, 150_000, "Tier 3" },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void The_shipped_tier_table_gives_the_documented_volumes_at_its_edges(decimal elevation, decimal surplus, decimal reduction, decimal savings, string tier)
    {
        var a = ColoradoCalculator.Allotment(WaterData.ColoradoRules, 2025, elevation);
        Assert.Equal((surplus, reduction, savings, tier, "323"), (a.SurplusAf, a.GuidelineReductionAf, a.BwscpSavingsAf, a.Tier, a.Minute));
    }

    [Fact]
    public async Task The_api_answers_status_allotment_and_signal_series()
    {
        using var client = await app.ApiAs(TestUsers.JointViewer);
        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/v1/water/riogrande/status?asOf=2015-10-24"));
        Assert.Equal(34, status.RootElement.GetProperty("cycle").GetInt32());
        Assert.Equal(-263_250m, status.RootElement.GetProperty("balanceAf").GetDecimal());
        using var allotment = JsonDocument.Parse(await client.GetStringAsync("/api/v1/water/colorado/allotment?year=2023&elevation=1047.61"));
        Assert.Equal(1_396_000m, allotment.RootElement.GetProperty("allotmentAf").GetDecimal());
        Assert.Equal("Tier 2a", allotment.RootElement.GetProperty("tier").GetString());
        using var series = JsonDocument.Parse(await client.GetStringAsync("/api/v1/water/riogrande/balance-series?from=2015-01-01&to=2015-12-31"));
        Assert.Equal(53, series.RootElement.GetProperty("total").GetInt32());
        using var tiers = JsonDocument.Parse(await client.GetStringAsync("/api/v1/water/colorado/tiers"));
        Assert.Contains(tiers.RootElement.GetProperty("items").EnumerateArray(), t => t.GetProperty("year").GetInt32() == 2022 && t.GetProperty("allotmentAf").GetDecimal() == 1_420_000m);

        var bad = await client.GetAsync("/api/v1/water/colorado/allotment?year=2027&elevation=1060");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("successor", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/water/riogrande/status?asOf=1999-01-01")).StatusCode);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/water/riogrande/status")).StatusCode);
    }

    [Fact]
    public async Task The_page_speaks_both_languages_and_both_units()
    {
        using var spanish = await app.UiAs(TestUsers.MxViewer, "es-MX");
        var es = await spanish.GetStringAsync("/Water?AsOf=2020-07-01&Year=2023&Elevation=1047.61");
        Assert.Contains("Ciclo 35", es, StringComparison.Ordinal);
        Assert.Contains("México ha entregado 1,625.3 hm³", es, StringComparison.Ordinal); // Spanish defaults to hm³
        Assert.Contains("Nivel", es, StringComparison.Ordinal);
        Assert.Contains("Nivel 2a — asignación", es, StringComparison.Ordinal);
        Assert.Contains("Acta 331", es, StringComparison.Ordinal);
        Assert.Contains("Reuniones mensuales", es, StringComparison.Ordinal);
        Assert.Contains("id=\"by-source\"", es, StringComparison.Ordinal);
        using var english = await app.UiAs(TestUsers.UsAnalyst, "en-US");
        var en = await english.GetStringAsync("/Water?AsOf=2020-07-01");
        Assert.Contains("Mexico has delivered 1,317,640 AF", en, StringComparison.Ordinal); // English defaults to acre-feet
        Assert.Contains("id=\"water-chart\"", en, StringComparison.Ordinal);
        Assert.Contains("short", en, StringComparison.Ordinal);
        var switched = await english.GetStringAsync("/Water?AsOf=2020-07-01&Units=mm3");
        Assert.Contains("Mexico has delivered 1,625.3 hm³", switched, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_with_errors_writes_nothing_unless_asked_and_writes_are_audited()
    {
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        const string csv = "date,volume,unit,source,document\n2025-11-03,12000,AF,Conchos,IBWC week 45\n2025-11-10,-4,AF,Conchos,\n2025-11-10,10,Mm3,Salado,IBWC week 46\n";
        var refused = await editor.PostAsync("/api/v1/water/riogrande/deliveries/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        using (var report = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Equal(0, report.RootElement.GetProperty("written").GetInt32());
            var error = Assert.Single(report.RootElement.GetProperty("errors").EnumerateArray());
            Assert.Equal((3, "volume"), (error.GetProperty("row").GetInt32(), error.GetProperty("field").GetString()));
        }

        using (var status = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/water/riogrande/status?asOf=2025-11-30")))
        {
            Assert.Equal(0m, status.RootElement.GetProperty("deliveredAf").GetDecimal());
        }

        var partial = await editor.PostAsync("/api/v1/water/riogrande/deliveries/import?validRowsOnly=true", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        using (var status = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/water/riogrande/status?asOf=2025-11-30")))
        {
            Assert.Equal(12_000m + 10_000_000m / WaterUnits.CubicMetresPerAcreFoot, status.RootElement.GetProperty("deliveredAf").GetDecimal());
        }

        // The same table again: its weeks are already recorded.
        var again = await editor.PostAsync("/api/v1/water/riogrande/deliveries/import?validRowsOnly=true", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        using (var report = JsonDocument.Parse(await again.Content.ReadAsStringAsync()))
        {
            Assert.Equal(0, report.RootElement.GetProperty("written").GetInt32());
        }

        var (scope, db) = app.Database();
        await using (scope)
        {
            Assert.Equal(2, db.AuditEntries.Count(a => a.EntityType == "WaterDeliveryRecord" && a.Actor == "mx-editor"));
        }

        using var viewer = await app.ApiAs(TestUsers.MxViewer);
        var forbidden = await viewer.PostAsync("/api/v1/water/riogrande/deliveries/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Storage_readings_showing_both_reservoirs_full_close_the_cycle_early()
    {
        using var editor = await app.ApiAs(TestUsers.UsEditor);
        var bad = await editor.PostAsJsonAsync("/api/v1/water/riogrande/storage-readings", new { date = "2028-03-01", reservoir = "Elephant Butte", usOwnedAf = 1, usCapacityAf = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("reservoir", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var reservoir in new[] { "Amistad", "Falcon" })
        {
            var ok = await editor.PostAsJsonAsync("/api/v1/water/riogrande/storage-readings", new { date = "2028-03-01", reservoir, usOwnedAf = 1_700_000, usCapacityAf = 1_687_901 });
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var status = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/water/riogrande/status?asOf=2028-03-02"));
        Assert.Equal(38, status.RootElement.GetProperty("cycle").GetInt32());
        Assert.Equal("2028-03-02", status.RootElement.GetProperty("cycleStart").GetString());
        using var closed = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/water/riogrande/status?asOf=2028-03-01"));
        Assert.Equal(37, closed.RootElement.GetProperty("cycle").GetInt32());
        Assert.Equal(0m, closed.RootElement.GetProperty("balanceAf").GetDecimal());
    }

    [Fact]
    public async Task The_colorado_reserve_balance_follows_deferrals_savings_and_recoveries()
    {
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/water/colorado/reserve", new { date = "2024-03-01", kind = "Deferral", volumeAf = 50_000 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/water/colorado/reserve", new { date = "2024-06-01", kind = "ScarcitySavings", volumeAf = 30_000 })).StatusCode);
        var tooMuch = await editor.PostAsJsonAsync("/api/v1/water/colorado/reserve", new { date = "2024-07-01", kind = "Recovery", volumeAf = 90_000 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("exceeds the reserve's balance of 80000", await tooMuch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/water/colorado/reserve", new { date = "2024-07-01", kind = "Recovery", volumeAf = 20_000 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync("/api/v1/water/colorado/reserve", new { date = "2024-07-01", kind = "Borrow", volumeAf = 1 })).StatusCode);
        using var reserve = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/water/colorado/reserve?asOf=2024-12-31"));
        Assert.Equal(60_000m, reserve.RootElement.GetProperty("balanceAf").GetDecimal());
        using var earlier = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/water/colorado/reserve?asOf=2024-05-01"));
        Assert.Equal(50_000m, earlier.RootElement.GetProperty("balanceAf").GetDecimal());
    }
}
