using System.Globalization;
using System.Text;
using Puente.Core.Catalog;
using Puente.Core.Records;

namespace Puente.Core.Warning;

/// <summary>
/// How a series of the CBP encounter downloads (<see cref="CbpEncounters"/>) becomes an indicator: its code, its names
/// and its source in both languages. The code is <c>PREFIX-SERIES</c>, or <c>PREFIX-REGION-SERIES</c> for a citizenship
/// counted in one region only: PREFIX is <see cref="DefaultPrefix"/> (<c>CBP-USBP</c>, <c>CBP-OFO</c>, <c>CBP-ALL</c>)
/// unless one is given; a region is written by its short form (<c>SW</c>, <c>NORTH</c>, <c>COAST</c>); any other name
/// is folded to upper-case ASCII (accents dropped) with each run of other characters written as one <c>-</c>
/// (<c>Rio Grande Valley, TX</c> → <c>RIO-GRANDE-VALLEY-TX</c>), and the whole cut to
/// <see cref="CatalogCode.MaxLength"/> characters. So the southwest region's Border Patrol series is <c>CBP-USBP-SW</c>.
/// </summary>
public static class CbpIndicators
{
    /// <summary>The agenda issue the encounter indicators are about.</summary>
    public const string IssueCode = "MIGRATION";

    public const string Unit = "encounters";

    /// <summary>The longest prefix accepted (leaving room for the series).</summary>
    public const int MaxPrefixLength = 24;

    public const string OhssUrl = "https://ohss.dhs.gov/khsm/cbp-encounters";
    public const string CbpUrl = "https://www.cbp.gov/document/stats/southwest-land-border-encounters";

    private static readonly Dictionary<string, (string Short, string En, string Es)> Regions = new(StringComparer.OrdinalIgnoreCase)
    {
        [CbpEncounters.SouthwestLandBorder] = ("SW", "Southwest Land Border", "frontera terrestre suroeste"),
        ["Northern Land Border"] = ("NORTH", "Northern Land Border", "frontera terrestre norte"),
        ["Coastal Border"] = ("COAST", "Coastal Border", "frontera costera"),
    };

    /// <summary>The prefix of a component's codes: <c>CBP-USBP</c>, <c>CBP-OFO</c> or <c>CBP-ALL</c> (both).</summary>
    public static string DefaultPrefix(CbpComponent component) => component switch
    {
        CbpComponent.UsbpOnly => "CBP-USBP",
        CbpComponent.OfoOnly => "CBP-OFO",
        _ => "CBP-ALL",
    };

    /// <summary>Whether <paramref name="prefix"/> (already upper-case) can begin a code: a catalog code of at most <see cref="MaxPrefixLength"/> characters.</summary>
    public static bool IsPrefix(string prefix) => CatalogCode.IsValid(prefix) && prefix.Length <= MaxPrefixLength && !prefix.EndsWith('-');

    /// <summary>
    /// The code of <paramref name="series"/> (a region, sector or citizenship of the file) read by <paramref name="by"/>,
    /// of <paramref name="region"/> when the file was filtered to one; null when the name has no letter or digit.
    /// </summary>
    public static string? Code(string prefix, CbpBreakdown by, string? region, string series)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(series);
        var part = Short(series);
        if (part.Length == 0)
        {
            return null;
        }

        if (by == CbpBreakdown.Citizenship && !string.IsNullOrWhiteSpace(region) && Short(region) is { Length: > 0 } inRegion)
        {
            part = inRegion + "-" + part;
        }

        var code = prefix + "-" + part;
        return code.Length <= CatalogCode.MaxLength ? code : code[..CatalogCode.MaxLength].TrimEnd('-');
    }

    /// <summary>The indicator's names in English and Spanish, e.g. "U.S. Border Patrol encounters, Southwest Land Border".</summary>
    public static (string En, string Es) Names(CbpComponent component, CbpBreakdown by, string? region, string series)
    {
        var (whoEn, whoEs) = component switch
        {
            CbpComponent.UsbpOnly => ("U.S. Border Patrol encounters", "Encuentros de la Patrulla Fronteriza de EE. UU."),
            CbpComponent.OfoOnly => ("CBP Office of Field Operations encounters", "Encuentros de la Oficina de Operaciones de Campo de la CBP"),
            _ => ("CBP encounters (Border Patrol and Field Operations)", "Encuentros de la CBP (Patrulla Fronteriza y Operaciones de Campo)"),
        };
        var (en, es) = by switch
        {
            CbpBreakdown.Region => RegionNames(series),
            CbpBreakdown.Sector => ($"{series} sector", $"sector {series}"),
            _ => ($"citizens of {series}", $"nacionales de {series}"),
        };
        if (by == CbpBreakdown.Citizenship && !string.IsNullOrWhiteSpace(region))
        {
            var (regionEn, regionEs) = RegionNames(region.Trim());
            (en, es) = ($"{regionEn}, {en}", $"{regionEs}, {es}");
        }

        return (Cut($"{whoEn}, {en}", BilingualRecord.NameMaxLength), Cut($"{whoEs}, {es}", BilingualRecord.NameMaxLength));
    }

    /// <summary>What the indicator counts, in English and Spanish.</summary>
    public static (string En, string Es) Descriptions(CbpBreakdown by) => by switch
    {
        CbpBreakdown.Region => ("Encounters per calendar month in the region, from the public CBP encounter data.",
            "Encuentros por mes del calendario en la región, según los datos públicos de encuentros de la CBP."),
        CbpBreakdown.Sector => ("Encounters per calendar month in the Border Patrol sector, from the public CBP encounter data.",
            "Encuentros por mes del calendario en el sector de la Patrulla Fronteriza, según los datos públicos de encuentros de la CBP."),
        _ => ("Encounters of people of this citizenship per calendar month, from the public CBP encounter data.",
            "Encuentros de personas de esta nacionalidad por mes del calendario, según los datos públicos de encuentros de la CBP."),
    };

    /// <summary>The source of a layout's figures in English and Spanish (with OHSS's rounding) and its address.</summary>
    public static (string En, string Es, string Url) Source(CbpLayout layout)
    {
        if (layout == CbpLayout.CbpSouthwestLandBorder)
        {
            return ("U.S. Customs and Border Protection (CBP), Southwest Land Border Encounters: the month's published rows summed, not rounded. "
                + "CBP revises recent months as its data are updated. Fiscal months are stored as calendar months (FY2024 October = October 2023).",
                "Oficina de Aduanas y Protección Fronteriza de EE. UU. (CBP), Southwest Land Border Encounters: suma de las filas publicadas del mes, sin redondear. "
                + "La CBP revisa los meses recientes al actualizar sus datos. Los meses fiscales se guardan como meses del calendario (octubre del año fiscal 2024 = octubre de 2023).",
                CbpUrl);
        }

        var sheet = layout switch
        {
            CbpLayout.OhssMonthlyRegion => "Monthly Region",
            CbpLayout.OhssMonthlySector => "Monthly Sector",
            _ => "Monthly Rgn and Citp",
        };
        return ($"DHS Office of Homeland Security Statistics (OHSS), CBP Encounters – USBP, sheet \"{sheet}\". OHSS rounds the values to the nearest 10. "
            + "Fiscal months are stored as calendar months (FY2024 October = October 2023).",
            $"Oficina de Estadísticas de Seguridad Nacional del DHS (OHSS), CBP Encounters – USBP, hoja \"{sheet}\". La OHSS redondea los valores a la decena más cercana. "
            + "Los meses fiscales se guardan como meses del calendario (octubre del año fiscal 2024 = octubre de 2023).",
            OhssUrl);
    }

    private static (string En, string Es) RegionNames(string region) =>
        Regions.TryGetValue(region, out var known) ? (known.En, known.Es) : (region, region);

    /// <summary>A region's short form, or the name folded to upper-case ASCII words joined by '-'.</summary>
    private static string Short(string name)
    {
        if (Regions.TryGetValue(name.Trim(), out var region))
        {
            return region.Short;
        }

        var folded = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (char.IsAsciiLetterUpper(upper) || char.IsAsciiDigit(upper))
            {
                folded.Append(upper);
            }
            else if (folded.Length > 0 && folded[^1] != '-')
            {
                folded.Append('-');
            }

            if (folded.Length > CatalogCode.MaxLength)
            {
                break;
            }
        }

        return folded.ToString().Trim('-');
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
