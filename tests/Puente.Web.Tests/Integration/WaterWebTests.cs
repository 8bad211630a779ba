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
        Assert.Contains("Tier 2a — asignación", es, StringComparison.Ordinal);
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
