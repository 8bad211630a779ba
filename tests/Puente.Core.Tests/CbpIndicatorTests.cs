using Puente.Core.Catalog;
using Puente.Core.Warning;

namespace Puente.Core.Tests;

public sealed class CbpIndicatorTests
{
    [Theory]
    [InlineData(CbpBreakdown.Region, null, "Southwest Land Border", "CBP-USBP-SW")]
    [InlineData(CbpBreakdown.Region, null, "southwest land border", "CBP-USBP-SW")]
    [InlineData(CbpBreakdown.Region, null, "Northern Land Border", "CBP-USBP-NORTH")]
    [InlineData(CbpBreakdown.Sector, null, "Rio Grande Valley, TX", "CBP-USBP-RIO-GRANDE-VALLEY-TX")]
    [InlineData(CbpBreakdown.Sector, null, "  El Centro,  CA ", "CBP-USBP-EL-CENTRO-CA")]
    [InlineData(CbpBreakdown.Citizenship, null, "México", "CBP-USBP-MEXICO")]
    [InlineData(CbpBreakdown.Citizenship, "Southwest Land Border", "Guatemala", "CBP-USBP-SW-GUATEMALA")]
    [InlineData(CbpBreakdown.Citizenship, null, "Congo (Democratic Republic of the)", "CBP-USBP-CONGO-DEMOCRATIC-REPUBLIC-OF-TH")]
    public void A_series_code_is_the_prefix_and_the_name_in_upper_case_ascii_within_forty_characters(CbpBreakdown by, string? region, string series, string expected)
    {
        var code = CbpIndicators.Code(CbpIndicators.DefaultPrefix(CbpComponent.UsbpOnly), by, region, series);
        Assert.Equal(expected, code);
        Assert.True(CatalogCode.IsValid(code));
    }

    [Fact]
    public void A_name_without_letters_or_digits_has_no_code_and_prefixes_follow_the_component()
    {
        Assert.Null(CbpIndicators.Code("CBP-USBP", CbpBreakdown.Sector, null, " — , "));
        Assert.Equal("CBP-ALL-SW", CbpIndicators.Code(CbpIndicators.DefaultPrefix(CbpComponent.UsbpAndOfo), CbpBreakdown.Region, null, "Southwest Land Border"));
        Assert.Equal("CBP-OFO-MEXICO", CbpIndicators.Code(CbpIndicators.DefaultPrefix(CbpComponent.OfoOnly), CbpBreakdown.Citizenship, null, "Mexico"));
        Assert.False(CbpIndicators.IsPrefix("CBP-"));
        Assert.False(CbpIndicators.IsPrefix("cbp"));
        Assert.False(CbpIndicators.IsPrefix(new string('A', CbpIndicators.MaxPrefixLength + 1)));
        Assert.True(CbpIndicators.IsPrefix("BORDER.2025"));
    }

    [Fact]
    public void The_southwest_series_is_named_in_both_languages_and_its_source_names_ohss_and_the_rounding()
    {
        var (en, es) = CbpIndicators.Names(CbpComponent.UsbpOnly, CbpBreakdown.Region, null, "Southwest Land Border");
        Assert.Equal("U.S. Border Patrol encounters, Southwest Land Border", en);
        Assert.Equal("Encuentros de la Patrulla Fronteriza de EE. UU., frontera terrestre suroeste", es);
        var (sourceEn, sourceEs, url) = CbpIndicators.Source(CbpLayout.OhssMonthlyRegion);
        Assert.Contains("Office of Homeland Security Statistics", sourceEn, StringComparison.Ordinal);
        Assert.Contains("nearest 10", sourceEn, StringComparison.Ordinal);
        Assert.Contains("decena", sourceEs, StringComparison.Ordinal);
        Assert.StartsWith("https://ohss.dhs.gov/", url, StringComparison.Ordinal);
        Assert.True(sourceEn.Length <= Indicator.SourceMaxLength && sourceEs.Length <= Indicator.SourceMaxLength);
        var (cbpEn, cbpEs, _) = CbpIndicators.Source(CbpLayout.CbpSouthwestLandBorder);
        Assert.True(cbpEn.Length <= Indicator.SourceMaxLength && cbpEs.Length <= Indicator.SourceMaxLength);
    }
}
