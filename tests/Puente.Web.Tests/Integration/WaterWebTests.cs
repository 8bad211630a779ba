using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Puente.Core.Water;
using Puente.Data.Water;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>The seeded water history, the API and the page.</summary>
public sealed class WaterWebTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Parallel_recoveries_cannot_take_more_than_the_reserve_holds()
    {
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        using var before = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/water/colorado/reserve?asOf=2040-01-01"));
        var held = before.RootElement.GetProperty("balanceAf").GetDecimal() + 100m;
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/water/colorado/reserve", new { date = "2040-01-02", kind = "Deferral", volumeAf = 100 })).StatusCode);
        var recoveries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            editor.PostAsJsonAsync("/api/v1/water/colorado/reserve", new { date = "2040-01-03", kind = "Recovery", volumeAf = held - 40m })));
        Assert.Equal(1, recoveries.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(recoveries.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        using var after = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/water/colorado/reserve?asOf=2040-12-31"));
        Assert.Equal(40m, after.RootElement.GetProperty("balanceAf").GetDecimal());
    }

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
        var asOf = new DateOnly(2026, 3, 1);
        // With the deliveries other tests of this class may have recorded in cycle 37 (the import test does): the page's own.
        CycleHistory c37;
        var (scope, _) = app.Database();
        await using (scope)
        {
            c37 = (await scope.ServiceProvider.GetRequiredService<WaterService>().CycleOnAsync(asOf))!;
        }

        Assert.Equal(37, c37.Cycle.Number);
        var high = RioGrandeLedger.Status(c37.Cycle, c37.Deliveries, asOf).RequiredAnnualPaceAf;
        var low = RioGrandeLedger.Status(c37.Cycle with { CarriedDeficitAf = 800_000m }, c37.Deliveries, asOf).RequiredAnnualPaceAf;
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
            var imported = db.WaterDeliveries.Where(d => d.Date == new DateOnly(2025, 11, 3) || d.Date == new DateOnly(2025, 11, 10)).Select(d => (Guid?)d.Id).ToList();
            Assert.Equal(2, db.AuditEntries.Count(a => a.EntityType == "WaterDeliveryRecord" && a.Actor == "mx-editor" && imported.Contains(a.RecordId)));
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

    [Theory]
    [InlineData("""{"date":"2026-02-02","volume":79228162514264337593543950335,"unit":"AF","source":"Salado"}""")]
    [InlineData("""{"date":"2026-02-02","volume":1e28,"unit":"AF","source":"Salado"}""")]
    [InlineData("""{"date":"2026-02-02","volume":1e23,"unit":"Mm3","source":"Salado"}""")]
    [InlineData("""{"date":"2026-02-02","volume":6200000000,"unit":"m3","source":"Salado"}""")]
    public async Task A_volume_no_river_could_carry_is_refused_and_the_status_keeps_answering(string json)
    {
        using var editor = await app.ApiAs(TestUsers.UsEditor);
        var refused = await editor.PostAsync("/api/v1/water/riogrande/deliveries", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("at most 5000000 AF", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/v1/water/riogrande/status?asOf=2026-02-28")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/v1/water/riogrande/balance-series?from=2026-01-01&to=2026-03-01")).StatusCode);
    }

    [Fact]
    public async Task Other_water_numbers_and_texts_have_a_maximum()
    {
        using var editor = await app.ApiAs(TestUsers.UsEditor);
        var reading = await editor.PostAsJsonAsync("/api/v1/water/riogrande/storage-readings", new { date = "2029-03-01", reservoir = "Amistad", usOwnedAf = 1e20m, usCapacityAf = 1_000_000 });
        Assert.Equal(HttpStatusCode.BadRequest, reading.StatusCode);
        Assert.Contains("usOwnedAf", await reading.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var movement = await editor.PostAsJsonAsync("/api/v1/water/colorado/reserve", new { date = "2030-01-01", kind = "Deferral", volumeAf = 1e20m });
        Assert.Equal(HttpStatusCode.BadRequest, movement.StatusCode);
        var document = await editor.PostAsJsonAsync("/api/v1/water/colorado/reserve", new { date = "2030-01-01", kind = "Deferral", volumeAf = 10, document = new string('d', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, document.StatusCode);
        Assert.Contains("\"document\"", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var delivery = await editor.PostAsJsonAsync("/api/v1/water/riogrande/deliveries", new { date = "2026-02-09", volume = 10, unit = "AF", source = "Salado", document = new string('d', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, delivery.StatusCode);
        Assert.Contains("longer than 500 characters", await delivery.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seven_parallel_posts_of_one_week_and_source_write_one_delivery_and_never_answer_500()
    {
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        var responses = await Task.WhenAll(Enumerable.Range(0, 7).Select(i => editor.PostAsJsonAsync("/api/v1/water/riogrande/deliveries",
            new { date = $"2026-03-0{2 + (i % 5)}", volume = 100 + i, unit = "AF", source = "Escondido" })));
        var codes = responses.Select(r => r.StatusCode).ToList();
        Assert.Single(codes, c => c == HttpStatusCode.Created);
        Assert.All(codes.Where(c => c != HttpStatusCode.Created), c => Assert.True(c is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, c.ToString()));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Contains("already recorded for this week", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (scope, db) = app.Database();
        await using (scope)
        {
            Assert.Equal(1, db.WaterDeliveries.Count(d => d.Source == DeliverySource.Escondido && d.WeekOf == new DateOnly(2026, 3, 2)));
        }
    }

    [Fact]
    public async Task Parallel_imports_of_one_file_write_one_set()
    {
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        const string csv = "date,volume,unit,source\n2026-04-06,10,AF,LasVacas\n2026-04-13,20,AF,LasVacas\n";
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            editor.PostAsync("/api/v1/water/riogrande/deliveries/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, r.StatusCode.ToString()));
        var (scope, db) = app.Database();
        await using (scope)
        {
            Assert.Equal(2, db.WaterDeliveries.Count(d => d.Source == DeliverySource.LasVacas && d.Date >= new DateOnly(2026, 4, 6) && d.Date <= new DateOnly(2026, 4, 19)));
        }
    }

    [Fact]
    public async Task An_import_over_5_MB_is_refused_and_a_report_lists_100_problems_and_counts_all()
    {
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        var huge = "date,volume,unit,source\n" + new string('x', DeliveryImport.MaxBytes);
        var tooLarge = await editor.PostAsync("/api/v1/water/riogrande/deliveries/import", new StringContent(huge, System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("larger than the 5 MB", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var junk = "date,volume,unit,source\n" + string.Concat(Enumerable.Repeat("junk,line\n", 2_000));
        var report = await editor.PostAsync("/api/v1/water/riogrande/deliveries/import", new StringContent(junk, System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, report.StatusCode);
        using var json = JsonDocument.Parse(await report.Content.ReadAsStringAsync());
        Assert.Equal(100, json.RootElement.GetProperty("errors").GetArrayLength());
        Assert.Equal(2_000, json.RootElement.GetProperty("problemCount").GetInt32());
    }

    [Fact]
    public async Task A_delivery_recorded_by_mistake_is_corrected_or_withdrawn_audited_and_never_erased()
    {
        using var editor = await app.ApiAs(TestUsers.UsEditor);
        var created = await editor.PostAsJsonAsync("/api/v1/water/riogrande/deliveries", new { date = "2026-05-04", volume = 9_000, unit = "AF", source = "SanDiego", document = "IBWC, week 19" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var written = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = written.RootElement.GetProperty("id").GetGuid();
        var version = written.RootElement.GetProperty("version").GetInt32();

        var stale = await editor.PutAsJsonAsync($"/api/v1/water/riogrande/deliveries/{id}", new { date = "2026-05-04", volume = 900, unit = "AF", source = "SanDiego", version = version + 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var corrected = await editor.PutAsJsonAsync($"/api/v1/water/riogrande/deliveries/{id}", new { date = "2026-05-04", volume = 900, unit = "AF", source = "SanDiego", document = "IBWC, week 19", version });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        using var after = JsonDocument.Parse(await corrected.Content.ReadAsStringAsync());
        Assert.Equal((900m, "IBWC, week 19"), (after.RootElement.GetProperty("volumeAf").GetDecimal(), after.RootElement.GetProperty("document").GetString()));
        version = after.RootElement.GetProperty("version").GetInt32();
        Assert.Equal(900m, await DeliveredInWeekAsync(editor, "2026-05-04"));

        using var viewer = await app.ApiAs(TestUsers.MxViewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/water/riogrande/deliveries/{id}/withdraw", new { reason = "x", version })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync($"/api/v1/water/riogrande/deliveries/{id}/withdraw", new { reason = " ", version })).StatusCode);
        var withdrawn = await editor.PostAsJsonAsync($"/api/v1/water/riogrande/deliveries/{id}/withdraw", new { reason = "Entered in AF, was Mm3", version });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(0m, await DeliveredInWeekAsync(editor, "2026-05-04"));
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsJsonAsync($"/api/v1/water/riogrande/deliveries/{id}/withdraw", new { reason = "again", version = version + 1 })).StatusCode);

        using var list = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/water/riogrande/deliveries?pageSize=200"));
        var kept = list.RootElement.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == id);
        Assert.True(kept.GetProperty("withdrawn").GetBoolean());
        Assert.Equal("Entered in AF, was Mm3", kept.GetProperty("withdrawalReason").GetString());

        // The week is free again for the right figure.
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/water/riogrande/deliveries", new { date = "2026-05-05", volume = 7, unit = "Mm3", source = "SanDiego" })).StatusCode);
        var (scope, db) = app.Database();
        await using (scope)
        {
            Assert.Equal(3, db.AuditEntries.Count(a => a.EntityType == "WaterDeliveryRecord" && a.RecordId == id)); // created, corrected, withdrawn
        }
    }

    [Fact]
    public async Task The_reserve_list_is_paged()
    {
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        foreach (var day in new[] { "2031-03-01", "2031-03-02", "2031-03-03" })
        {
            Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/water/colorado/reserve", new { date = day, kind = "Deferral", volumeAf = 1 })).StatusCode);
        }

        using var page = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/water/colorado/reserve?asOf=2031-12-31&page=2&pageSize=1"));
        Assert.Single(page.RootElement.GetProperty("items").EnumerateArray());
        Assert.True(page.RootElement.GetProperty("total").GetInt32() >= 3);
        Assert.Equal((2, 1), (page.RootElement.GetProperty("page").GetInt32(), page.RootElement.GetProperty("pageSize").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/api/v1/water/colorado/reserve?pageSize=201")).StatusCode);
    }

    [Fact]
    public async Task The_recording_page_takes_one_delivery_as_one_record_and_lists_it_for_withdrawal()
    {
        using var ui = await app.UiAs(TestUsers.UsEditor, "en-US");
        using var api = await app.ApiAs(TestUsers.UsEditor);
        var saved = await FormPost.SubmitAsync(ui, "/Water/Record", new()
        {
            ["Date"] = "2026-06-01", ["Volume"] = "12,000", ["Unit"] = "AF", ["Source"] = "SanRodrigo", ["Document"] = "IBWC, week 22",
        }, "/Water/Record?handler=Add");
        var html = await saved.Content.ReadAsStringAsync();
        Assert.Contains("Delivery saved.", html, StringComparison.Ordinal);
        Assert.Contains("12,000.00", html, StringComparison.Ordinal);
        Assert.Contains("IBWC, week 22", html, StringComparison.Ordinal);
        Assert.Equal(12_000m, await DeliveredInWeekAsync(api, "2026-06-01"));

        var refused = await (await FormPost.SubmitAsync(ui, "/Water/Record", new()
        {
            ["Date"] = "2026-06-08", ["Volume"] = "12.000,5", ["Unit"] = "AF", ["Source"] = "SanRodrigo",
        }, "/Water/Record?handler=Add")).Content.ReadAsStringAsync();
        Assert.Contains("is not a number (write it like 12,345.5)", System.Net.WebUtility.HtmlDecode(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("valid rows only", refused.Replace("Import the valid rows only", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

        var duplicate = await (await FormPost.SubmitAsync(ui, "/Water/Record", new()
        {
            ["Date"] = "2026-06-03", ["Volume"] = "5", ["Unit"] = "AF", ["Source"] = "SanRodrigo",
        }, "/Water/Record?handler=Add")).Content.ReadAsStringAsync();
        Assert.Contains("already recorded", System.Net.WebUtility.HtmlDecode(duplicate), StringComparison.Ordinal);
        Assert.Contains("id=\"recent-deliveries\"", duplicate, StringComparison.Ordinal);
        Assert.Contains("handler=Withdraw", duplicate, StringComparison.Ordinal);

        var row = System.Text.RegularExpressions.Regex.Match(duplicate,
            "name=\"withdrawId\" value=\"([^\"]+)\" /><input type=\"hidden\" name=\"withdrawVersion\" value=\"([0-9]+)\"");
        Assert.True(row.Success);
        var withdrawn = await (await FormPost.SubmitAsync(ui, "/Water/Record", new()
        {
            ["withdrawId"] = row.Groups[1].Value, ["withdrawVersion"] = row.Groups[2].Value, ["reason"] = "Recorded twice",
        }, "/Water/Record?handler=Withdraw")).Content.ReadAsStringAsync();
        Assert.Contains("The delivery was withdrawn", withdrawn, StringComparison.Ordinal);
        Assert.Contains("Recorded twice", withdrawn, StringComparison.Ordinal);
        Assert.Equal(0m, await DeliveredInWeekAsync(api, "2026-06-01"));
    }

    [Fact]
    public async Task The_calculator_names_every_bad_input_on_the_page_and_in_the_api()
    {
        using var english = await app.UiAs(TestUsers.UsAnalyst, "en-US");
        Assert.Contains("-5 ft is outside Lake Mead", System.Net.WebUtility.HtmlDecode(await english.GetStringAsync("/Water?Year=2025&Elevation=-5")), StringComparison.Ordinal);
        Assert.Contains("99999 ft is outside Lake Mead", System.Net.WebUtility.HtmlDecode(await english.GetStringAsync("/Water?Year=2025&Elevation=99999")), StringComparison.Ordinal);
        Assert.Contains("'abc' is not an elevation", System.Net.WebUtility.HtmlDecode(await english.GetStringAsync("/Water?Year=2025&Elevation=abc")), StringComparison.Ordinal);
        var before = System.Net.WebUtility.HtmlDecode(await english.GetStringAsync("/Water?Year=2016&Elevation=1060"));
        Assert.Contains("2016 is before the first minute in the tier table", before, StringComparison.Ordinal);
        Assert.DoesNotContain("expires", before, StringComparison.Ordinal);

        using var api = await app.ApiAs(TestUsers.JointViewer);
        var bad = await api.GetAsync("/api/v1/water/colorado/allotment?year=2016&elevation=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("before the first minute", body, StringComparison.Ordinal);
        Assert.Contains("is not an elevation", body, StringComparison.Ordinal);

        using var tiers = JsonDocument.Parse(await api.GetStringAsync("/api/v1/water/colorado/tiers"));
        var years = tiers.RootElement.GetProperty("items").EnumerateArray().ToDictionary(t => t.GetProperty("year").GetInt32(), t => t.GetProperty("tier").GetString());
        Assert.Equal(("Tier 1", "Tier 1"), (years[2024], years[2026]));
    }

    /// <summary>What the ledger counts as delivered in the week starting on <paramref name="monday"/> (every source).</summary>
    private static async Task<decimal> DeliveredInWeekAsync(HttpClient client, string monday)
    {
        var start = DateOnly.ParseExact(monday, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return await DeliveredAsync(client, start.AddDays(6)) - await DeliveredAsync(client, start.AddDays(-1));
    }

    private static async Task<decimal> DeliveredAsync(HttpClient client, DateOnly asOf)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/water/riogrande/status?asOf={asOf:yyyy-MM-dd}"));
        return json.RootElement.GetProperty("deliveredAf").GetDecimal();
    }
}
