using System.Text;
using Puente.Core.Warning;

namespace Puente.Core.Tests;

/// <summary>The CBP encounter reader on the real DHS and CBP downloads (figures from ../shared/data/cbp_encounters/SOURCES.md)
/// and on small broken files.</summary>
public sealed class CbpEncounterTests
{
    private static CbpEncounterTable ReadFile(string name, CbpBreakdown by, string? region = null, CbpComponent component = CbpComponent.UsbpOnly) =>
        CbpEncounters.Read(File.ReadAllBytes(RepoFiles.Shared("cbp_encounters", name)), by, region, component);

    private static double At(CbpEncounterTable table, string key, int year, int month) =>
        Assert.Single(table.Series[key], p => p.Date == new DateOnly(year, month, 1)).Value;

    [Fact]
    public void The_ohss_region_sheet_gives_the_southwest_border_month_by_calendar_month()
    {
        var table = ReadFile("ohss_usbp_monthly_region.csv", CbpBreakdown.Region);
        Assert.True(table.Ok, string.Join("; ", table.Problems.Listed.Select(p => p.Message)));
        Assert.Equal(CbpLayout.OhssMonthlyRegion, table.Layout);
        Assert.Equal(["Coastal Border", "Northern Land Border", "Southwest Land Border"], table.Series.Keys);
        var southwest = table.Series["southwest land border"]; // keys are case-insensitive
        Assert.Equal(302, southwest.Count);
        Assert.Equal(new DateOnly(1999, 10, 1), southwest[0].Date); // FY2000 month 01 October
        Assert.Equal(87_820, southwest[0].Value);
        Assert.Equal(new DateOnly(2024, 11, 1), southwest[^1].Date);
        Assert.Equal(249_740, At(table, "Southwest Land Border", 2023, 12)); // FY2024 03 December
        Assert.Equal(906, table.Rows);
    }

    [Fact]
    public void A_region_filter_keeps_one_region()
    {
        var table = ReadFile("ohss_usbp_monthly_region.csv", CbpBreakdown.Region, "SOUTHWEST LAND BORDER");
        Assert.Equal("Southwest Land Border", Assert.Single(table.Series.Keys));
    }

    [Fact]
    public void The_cbp_file_sums_its_rows_per_month_and_component()
    {
        var usbp = ReadFile("sbo-encounters-fy22-fy25-aug.csv", CbpBreakdown.Region);
        Assert.True(usbp.Ok);
        Assert.Equal(CbpLayout.CbpSouthwestLandBorder, usbp.Layout);
        Assert.Equal(159_113, At(usbp, CbpEncounters.SouthwestLandBorder, 2021, 10));
        Assert.Equal(249_740, At(usbp, CbpEncounters.SouthwestLandBorder, 2023, 12)); // as OHSS publishes it
        Assert.Equal(29_107, At(usbp, CbpEncounters.SouthwestLandBorder, 2025, 1)); // fiscal year "2025 (FYTD)"
        var both = ReadFile("sbo-encounters-fy22-fy25-aug.csv", CbpBreakdown.Region, "Southwest Land Border", CbpComponent.UsbpAndOfo);
        Assert.Equal(164_837, At(both, CbpEncounters.SouthwestLandBorder, 2021, 10));
        Assert.Equal(301_981, At(both, CbpEncounters.SouthwestLandBorder, 2023, 12));
        Assert.Equal(new DateOnly(2025, 8, 1), both.Series[CbpEncounters.SouthwestLandBorder][^1].Date);
        Assert.Equal(9_740, At(both, CbpEncounters.SouthwestLandBorder, 2025, 8));
        var ofo = ReadFile("sbo-encounters-fy22-fy25-aug.csv", CbpBreakdown.Region, component: CbpComponent.OfoOnly);
        Assert.Equal(5_724, At(ofo, CbpEncounters.SouthwestLandBorder, 2021, 10));
    }

    [Fact]
    public void Citizenship_comes_from_the_cbp_groups_or_the_ohss_sheet()
    {
        var cbp = ReadFile("sbo-encounters-fy22-fy25-aug.csv", CbpBreakdown.Citizenship, component: CbpComponent.UsbpAndOfo);
        Assert.Equal(["El Salvador", "Guatemala", "Honduras", "Mexico", "Other"], cbp.Series.Keys);
        Assert.Equal(66_049, At(cbp, "Mexico", 2021, 10));
        Assert.Equal(69_041, At(cbp, "Mexico", 2023, 12));

        var ohss = ReadFile("ohss_usbp_monthly_rgn_and_citp.csv", CbpBreakdown.Citizenship, "Southwest Land Border");
        Assert.True(ohss.Ok);
        Assert.Equal(CbpLayout.OhssMonthlyRegionCitizenship, ohss.Layout);
        Assert.Equal(126, ohss.Series.Count);
        Assert.Equal(85_940, At(ohss, "Mexico", 1999, 10));
        Assert.Equal(56_240, At(ohss, "Mexico", 2023, 12));
        // Without a region, a citizenship is summed over the regions.
        Assert.Equal(56_550, At(ReadFile("ohss_usbp_monthly_rgn_and_citp.csv", CbpBreakdown.Citizenship), "Mexico", 2023, 12));
        // By region, the citizenship cells (each rounded to 10 by OHSS) are summed, not re-rounded: 249,700, not the sheet's 249,740.
        var regions = ReadFile("ohss_usbp_monthly_rgn_and_citp.csv", CbpBreakdown.Region, "Southwest Land Border");
        Assert.Equal(249_700, At(regions, "Southwest Land Border", 2023, 12));
    }

    [Fact]
    public void The_sector_sheet_gives_one_series_per_sector()
    {
        var table = ReadFile("ohss_usbp_monthly_sector.csv", CbpBreakdown.Sector);
        Assert.True(table.Ok);
        Assert.Equal(21, table.Series.Count);
        Assert.Equal(7_850, At(table, "Rio Grande Valley, TX", 1999, 10));
        Assert.Equal(8_020, At(table, "Tucson, AZ", 2024, 11));
    }

    [Theory]
    [InlineData(2000, 1, "1999-10-01")]
    [InlineData(2000, 3, "1999-12-01")]
    [InlineData(2000, 4, "2000-01-01")]
    [InlineData(2024, 12, "2024-09-01")]
    public void Fiscal_months_map_to_calendar_months(int fiscalYear, int fiscalMonth, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CbpEncounters.CalendarMonth(fiscalYear, fiscalMonth));

    private static CbpEncounterTable Csv(string text, CbpBreakdown by = CbpBreakdown.Region, string? region = null, CbpComponent component = CbpComponent.UsbpOnly) =>
        CbpEncounters.Read(text, by, region, component);

    [Fact]
    public void Malformed_rows_are_named_by_row_and_column()
    {
        var table = Csv("""
            Fiscal Year,Month,Region,Quantity
            2000,01 October,Southwest Land Border,87820
            2000,13 Undecember,Southwest Land Border,10
            2000,02 December,Southwest Land Border,10
            2000,02 November,Southwest Land Border,ten
            2000,03 December,Southwest Land Border,-10
            FY2000,04 January,Southwest Land Border,10
            2000,01 October,southwest land border,5
            2000,05 February,Southwest Land Border

            2000,06 March,Southwest Land Border,
            """);
        Assert.False(table.Ok);
        Assert.Equal(
            [(3, "month"), (4, "month"), (5, "quantity"), (6, "quantity"), (7, "fiscal year"), (8, "region"), (9, "row"), (11, "quantity")],
            table.Problems.Listed.Select(p => (p.Row, p.Field)));
        Assert.Equal(
            ["cbp.unknownMonth", "cbp.unknownMonth", "cbp.notAQuantity", "cbp.negativeQuantity", "cbp.badFiscalYear", "cbp.duplicateRow", "cbp.fieldCount", "cbp.required"],
            table.Problems.Listed.Select(p => p.Problem.Code));
        Assert.Equal("repeats row 2 (same fiscal year, month and region); a sheet gives each once", table.Problems.Listed[5].Message);
        // The valid row is read; an import still takes nothing while there are problems.
        Assert.Equal(87_820, Assert.Single(table.Series["Southwest Land Border"]).Value);
    }

    [Fact]
    public void An_unknown_header_is_one_problem_naming_the_layouts()
    {
        var table = CbpEncounters.Read(File.ReadAllBytes(RepoFiles.Shared("cbp_encounters", "ohss_usbp_annual_region.csv")), CbpBreakdown.Region);
        Assert.Null(table.Layout);
        var problem = Assert.Single(table.Problems.Listed);
        Assert.Equal((1, "header", "cbp.unknownLayout"), (problem.Row, problem.Field, problem.Problem.Code));
        Assert.Contains("OHSS Monthly Region (Fiscal Year,Month,Region,Quantity)", problem.Message, StringComparison.Ordinal);
        Assert.Empty(table.Series);
        Assert.Equal("cbp.noHeader", Assert.Single(Csv("").Problems.Listed).Problem.Code);
    }

    [Fact]
    public void A_header_cell_with_a_line_break_and_any_case_still_names_its_layout()
    {
        var table = Csv("\"Fiscal\nYear\",MONTH,Sector,quantity\n2024,03 December,\"El Paso, TX\",100\n2024,03 December,\"Del Rio, TX\",50\n", CbpBreakdown.Sector);
        Assert.True(table.Ok, string.Join("; ", table.Problems.Listed.Select(p => $"{p.Row} {p.Field} {p.Message}")));
        Assert.Equal(CbpLayout.OhssMonthlySector, table.Layout);
        Assert.Equal(100, At(table, "El Paso, TX", 2023, 12));
    }

    [Fact]
    public void A_breakdown_region_or_component_the_layout_lacks_is_refused_before_any_row()
    {
        const string Region = "Fiscal Year,Month,Region,Quantity\n2000,01 October,Southwest Land Border,10\n";
        Assert.Equal(("by", "cbp.notInLayout"), Only(Csv(Region, CbpBreakdown.Citizenship)));
        Assert.Equal(("component", "cbp.ohssBorderPatrolOnly"), Only(Csv(Region, component: CbpComponent.UsbpAndOfo)));
        Assert.Equal(("region", "cbp.notInLayout"), Only(Csv("Fiscal Year,Month,Sector,Quantity\n", CbpBreakdown.Sector, "Southwest Land Border")));
        const string Cbp = "Fiscal Year,Month (abbv),Component,Citizenship Grouping,Encounter Count\n2022,OCT,U.S. Border Patrol,Mexico,5\n";
        Assert.Equal(("region", "cbp.southwestOnly"), Only(Csv(Cbp, region: "Northern Land Border")));
        Assert.Equal(("by", "cbp.notInLayout"), Only(Csv(Cbp, CbpBreakdown.Sector)));
        Assert.Equal(("component", "cbp.unknownComponent"), Only(Csv(Cbp.Replace("U.S. Border Patrol", "Coast Guard", StringComparison.Ordinal))));
        Assert.Equal(("month (abbv)", "cbp.unknownMonth"), Only(Csv(Cbp.Replace("OCT", "Oct.", StringComparison.Ordinal))));

        static (string, string) Only(CbpEncounterTable t) => Assert.Single(t.Problems.Listed) is var p ? (p.Field, p.Problem.Code) : default;
    }

    [Fact]
    public void Problems_are_bounded_but_counted()
    {
        var text = "Fiscal Year,Month,Region,Quantity\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"2000,01 October,R{i},x\n"));
        var table = Csv(text);
        Assert.Equal(CbpEncounters.MaxListedProblems, table.Problems.Listed.Count);
        Assert.Equal(300, table.Problems.Total);
        Assert.Equal(2, table.Problems.Listed[0].Row);
    }

    [Fact]
    public void Utf16_and_oversized_files_are_refused_and_a_byte_order_mark_is_fine()
    {
        var text = "Fiscal Year,Month,Region,Quantity\n2000,01 October,Southwest Land Border,10\n";
        Assert.Equal("cbp.utf16", Assert.Single(CbpEncounters.Read(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            CbpBreakdown.Region).Problems.Listed).Problem.Code);
        Assert.True(CbpEncounters.Read(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), CbpBreakdown.Region).Ok);
        Assert.Equal("cbp.fileTooLarge", Assert.Single(CbpEncounters.Read(new byte[CbpEncounters.MaxBytes + 1], CbpBreakdown.Region).Problems.Listed).Problem.Code);
    }
}
