using System.Globalization;
using nietras.SeparatedValues;
using Puente.Core.Series;
using Puente.Core.Text;

namespace Puente.Core.Warning;

/// <summary>The layouts of the public CBP encounter downloads that <see cref="CbpEncounters"/> reads.</summary>
public enum CbpLayout
{
    /// <summary>DHS OHSS sheet "Monthly Region": <c>Fiscal Year,Month,Region,Quantity</c> (U.S. Border Patrol only).</summary>
    OhssMonthlyRegion,

    /// <summary>DHS OHSS sheet "Monthly Sector": <c>Fiscal Year,Month,Sector,Quantity</c> (U.S. Border Patrol only).</summary>
    OhssMonthlySector,

    /// <summary>DHS OHSS sheet "Monthly Rgn and Citp": <c>Fiscal Year,Month,Region,Citizenship,Quantity</c> (U.S. Border Patrol only).</summary>
    OhssMonthlyRegionCitizenship,

    /// <summary>
    /// CBP "Southwest Land Border Encounters": <c>Fiscal Year,Month Grouping,Month (abbv),Component,…,Citizenship Grouping,…,Encounter Count</c>,
    /// many rows per month (demographic, title of authority, encounter type) to be summed; both components.
    /// </summary>
    CbpSouthwestLandBorder,
}

/// <summary>What a series is per: a region, a sector or a citizenship.</summary>
public enum CbpBreakdown
{
    Region,
    Sector,
    Citizenship,
}

/// <summary>Which CBP component's encounters are counted.</summary>
public enum CbpComponent
{
    /// <summary>U.S. Border Patrol (apprehensions and expulsions between ports of entry).</summary>
    UsbpOnly,

    /// <summary>Office of Field Operations (inadmissibles and expulsions at ports of entry).</summary>
    OfoOnly,

    /// <summary>Both: the "total southwest land border encounters" CBP publishes.</summary>
    UsbpAndOfo,
}

/// <summary>
/// What <see cref="CbpEncounters.Read(string, CbpBreakdown, string?, CbpComponent)"/> found: the layout its header names
/// (null when none), one monthly series per region, sector or citizenship (keys compared case-insensitively, in
/// ordinal order), the problems (bounded) and the number of data rows read. The series hold the valid rows only; an
/// import takes all or nothing, so callers write nothing unless <see cref="Ok"/>.
/// </summary>
public sealed record CbpEncounterTable(CbpLayout? Layout, IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>> Series, RowProblems Problems, int Rows)
{
    /// <summary>A known layout and no problem: the series may be imported.</summary>
    public bool Ok => Layout is not null && !Problems.Any;
}

/// <summary>
/// Reads the public CBP encounter downloads (DHS OHSS "KHSM Encounters (USBP)" sheets saved as CSV, and CBP's
/// "Southwest Land Border Encounters" file) into monthly series. U.S. fiscal years run from October to September: fiscal
/// year N's month 1 (October) is October of calendar year N − 1, so OHSS <c>2000,01 October</c> is 1999-10-01. Each point
/// is dated the first day of its calendar month and holds the month's encounters, summed over every row of that month and
/// key (OHSS values are rounded by OHSS to the nearest 10; the sums are not re-rounded). A month without a row is a
/// missing point, never a zero. Rows are numbered as a spreadsheet numbers them (the header is row 1).
/// Bounds: <see cref="MaxBytes"/>, <see cref="MaxRows"/>, <see cref="MaxSeries"/>, <see cref="MaxQuantity"/> per row, and
/// the first <see cref="MaxListedProblems"/> problems listed with the total.
/// </summary>
public static class CbpEncounters
{
    /// <summary>The largest file accepted: 20 MB (the largest real sheet, region × citizenship, is under 1 MB).</summary>
    public const int MaxBytes = 20_000_000;

    /// <summary>The most data rows read; a longer file is refused.</summary>
    public const int MaxRows = 200_000;

    /// <summary>The most different regions, sectors or citizenships (the real citizenship sheet has 135).</summary>
    public const int MaxSeries = 1_000;

    /// <summary>The most encounters one row may count (the highest month on record is about 300,000).</summary>
    public const long MaxQuantity = 10_000_000;

    /// <summary>The most problems a report lists; the rest are counted.</summary>
    public const int MaxListedProblems = 100;

    /// <summary>The earliest and latest fiscal years accepted.</summary>
    public const int MinFiscalYear = 1960, MaxFiscalYear = 2100;

    /// <summary>The CBP file's name for the one region it covers.</summary>
    public const string SouthwestLandBorder = "Southwest Land Border";

    private static readonly string[] FiscalMonthNames =
        ["October", "November", "December", "January", "February", "March", "April", "May", "June", "July", "August", "September"];

    private static readonly string[] FiscalMonthAbbreviations = ["OCT", "NOV", "DEC", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP"];

    private const string BorderPatrol = "U.S. Border Patrol", FieldOperations = "Office of Field Operations";

    private static readonly (CbpLayout Layout, string[] Columns)[] Layouts =
    [
        (CbpLayout.OhssMonthlyRegion, ["fiscal year", "month", "region", "quantity"]),
        (CbpLayout.OhssMonthlySector, ["fiscal year", "month", "sector", "quantity"]),
        (CbpLayout.OhssMonthlyRegionCitizenship, ["fiscal year", "month", "region", "citizenship", "quantity"]),
        // The CBP file: these columns must be present; its others (demographic, title, encounter type) are summed over.
        (CbpLayout.CbpSouthwestLandBorder, ["fiscal year", "month (abbv)", "component", "citizenship grouping", "encounter count"]),
    ];

    /// <summary>The layouts' headers as a problem names them.</summary>
    public static string ExpectedLayouts { get; } =
        "OHSS Monthly Region (Fiscal Year,Month,Region,Quantity); OHSS Monthly Sector (Fiscal Year,Month,Sector,Quantity); "
        + "OHSS Monthly Rgn and Citp (Fiscal Year,Month,Region,Citizenship,Quantity); "
        + "CBP Southwest Land Border Encounters (Fiscal Year,Month Grouping,Month (abbv),Component,…,Citizenship Grouping,…,Encounter Count)";

    /// <summary>The first day of the calendar month of fiscal year <paramref name="fiscalYear"/>'s month
    /// <paramref name="fiscalMonth"/> (1 = October … 12 = September).</summary>
    public static DateOnly CalendarMonth(int fiscalYear, int fiscalMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fiscalMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fiscalMonth, 12);
        var month = (fiscalMonth + 8) % 12 + 1;
        return new DateOnly(fiscalMonth <= 3 ? fiscalYear - 1 : fiscalYear, month, 1);
    }

    /// <summary>Reads a file's bytes (UTF-8, a byte-order mark allowed); see <see cref="Read(string, CbpBreakdown, string?, CbpComponent)"/>.</summary>
    public static CbpEncounterTable Read(ReadOnlySpan<byte> content, CbpBreakdown by, string? region = null, CbpComponent component = CbpComponent.UsbpOnly)
    {
        var problems = new RowProblems(MaxListedProblems);
        if (content.Length > MaxBytes)
        {
            problems.Add(1, "file", CbpProblems.FileTooLarge.With(MaxBytes / 1_000_000));
            return Empty(null, problems);
        }

        // Only the two encoding kinds are used by Decode; the header is checked here, against whole layouts.
        var kinds = new ImportProblemKinds(CbpProblems.Utf16, CbpProblems.NotUtf8, CbpProblems.UnknownLayout, CbpProblems.UnknownLayout,
            CbpProblems.UnknownLayout, CbpProblems.FileTooLarge);
        return ImportFile.Decode(content, 1, problems, kinds) is { } text ? Read(text, by, region, component, problems) : Empty(null, problems);
    }

    /// <summary>
    /// Reads a CSV text in one of the <see cref="CbpLayout"/>s (found from its header, any column order, any case) into one
    /// series per <paramref name="by"/>: per region (OHSS region or region × citizenship sheets; the CBP file is all
    /// <see cref="SouthwestLandBorder"/>), per sector (OHSS sector sheet) or per citizenship (OHSS region × citizenship
    /// sheet, summed over regions unless <paramref name="region"/> names one; the CBP file's citizenship groups).
    /// <paramref name="region"/> keeps one region's rows (case-insensitive). <paramref name="component"/> chooses Border
    /// Patrol, Field Operations or both in the CBP file; the OHSS sheets count Border Patrol only.
    /// </summary>
    public static CbpEncounterTable Read(string csvText, CbpBreakdown by, string? region = null, CbpComponent component = CbpComponent.UsbpOnly)
    {
        ArgumentNullException.ThrowIfNull(csvText);
        var problems = new RowProblems(MaxListedProblems);
        if (csvText.Length > MaxBytes)
        {
            problems.Add(1, "file", CbpProblems.FileTooLarge.With(MaxBytes / 1_000_000));
            return Empty(null, problems);
        }

        return Read(csvText, by, region, component, problems);
    }

    private static CbpEncounterTable Empty(CbpLayout? layout, RowProblems problems) =>
        new(layout, new SortedDictionary<string, IReadOnlyList<SeriesPoint>>(StringComparer.OrdinalIgnoreCase), problems, 0);

    private static string HeaderName(string cell) => string.Join(' ', cell.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static CbpEncounterTable Read(string text, CbpBreakdown by, string? region, CbpComponent component, RowProblems problems)
    {
        region = string.IsNullOrWhiteSpace(region) ? null : region.Trim();
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), HasHeader = false, Unescape = true, DisableColCountCheck = true })
            .FromText(text);
        CbpLayout? layout = null;
        Dictionary<string, int> columns = [];
        var headerCount = 0;
        var sums = new Dictionary<string, (string Name, SortedDictionary<DateOnly, long> Months)>(StringComparer.OrdinalIgnoreCase);
        var firstRowOfKey = new Dictionary<(int Year, int Month, string Key), int>();
        var rows = 0;
        foreach (var record in reader)
        {
            var row = record.RowIndex + 1;
            if (layout is null)
            {
                var names = new List<string>();
                for (var i = 0; i < record.ColCount; i++)
                {
                    names.Add(HeaderName(record[i].ToString()));
                }

                headerCount = record.ColCount;
                foreach (var (candidate, required) in Layouts)
                {
                    var exact = candidate != CbpLayout.CbpSouthwestLandBorder;
                    if (required.All(names.Contains) && (!exact || names.Count == required.Length))
                    {
                        layout = candidate;
                        columns = required.ToDictionary(c => c, c => names.IndexOf(c), StringComparer.Ordinal);
                        break;
                    }
                }

                if (layout is null)
                {
                    problems.Add(1, "header", CbpProblems.UnknownLayout.With(ImportFile.Echo(string.Join(",", names)), ExpectedLayouts));
                    return Empty(null, problems);
                }

                if (!CheckOptions(layout.Value, by, region, component, problems))
                {
                    return Empty(layout, problems);
                }

                continue;
            }

            if (ImportFile.IsBlank(record))
            {
                continue;
            }

            if (++rows > MaxRows)
            {
                problems.Add(row, "row", CbpProblems.TooManyRows.With(MaxRows));
                return Empty(layout, problems);
            }

            if (record.Span.Count('"') % 2 != 0)
            {
                problems.Add(row, "row", CbpProblems.UnclosedQuote.With());
                continue;
            }

            if (record.ColCount != headerCount)
            {
                problems.Add(row, "row", CbpProblems.FieldCount.With(headerCount, record.ColCount));
                continue;
            }

            var cells = new string[record.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = record[i].ToString().Trim();
            }

            string Cell(string column) => cells[columns[column]];
            var before = problems.Total;
            var sbo = layout == CbpLayout.CbpSouthwestLandBorder;
            var fiscalYear = FiscalYear(Cell("fiscal year"), row, problems);
            var monthColumn = sbo ? "month (abbv)" : "month";
            var fiscalMonth = FiscalMonth(Cell(monthColumn), sbo, row, monthColumn, problems);
            var quantity = Quantity(Cell(sbo ? "encounter count" : "quantity"), row, sbo ? "encounter count" : "quantity", problems);
            string? key = null;
            var keep = true;
            switch (layout)
            {
                case CbpLayout.OhssMonthlyRegion:
                    key = Named(Cell("region"), row, "region", problems);
                    keep = region is null || string.Equals(key, region, StringComparison.OrdinalIgnoreCase);
                    break;
                case CbpLayout.OhssMonthlySector:
                    key = Named(Cell("sector"), row, "sector", problems);
                    break;
                case CbpLayout.OhssMonthlyRegionCitizenship:
                    var rowRegion = Named(Cell("region"), row, "region", problems);
                    var citizenship = Named(Cell("citizenship"), row, "citizenship", problems);
                    key = by == CbpBreakdown.Region ? rowRegion : citizenship;
                    keep = region is null || string.Equals(rowRegion, region, StringComparison.OrdinalIgnoreCase);
                    if (problems.Total == before && fiscalYear is { } y && fiscalMonth is { } m
                        && !firstRowOfKey.TryAdd((y, m, (rowRegion + "\n" + citizenship).ToUpperInvariant()), row))
                    {
                        problems.Add(row, "citizenship", CbpProblems.DuplicateRow.With(firstRowOfKey[(y, m, (rowRegion + "\n" + citizenship).ToUpperInvariant())], "region and citizenship"));
                    }

                    break;
                default:
                    var group = by == CbpBreakdown.Region ? SouthwestLandBorder : Named(Cell("citizenship grouping"), row, "citizenship grouping", problems);
                    var componentText = Cell("component");
                    var isPatrol = string.Equals(componentText, BorderPatrol, StringComparison.OrdinalIgnoreCase);
                    if (!isPatrol && !string.Equals(componentText, FieldOperations, StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add(row, "component", CbpProblems.UnknownComponent.With(ImportFile.Echo(componentText), $"{BorderPatrol} or {FieldOperations}"));
                    }

                    key = group;
                    keep = component == CbpComponent.UsbpAndOfo || isPatrol == (component == CbpComponent.UsbpOnly);
                    break;
            }

            if (layout is CbpLayout.OhssMonthlyRegion or CbpLayout.OhssMonthlySector && problems.Total == before
                && !firstRowOfKey.TryAdd((fiscalYear!.Value, fiscalMonth!.Value, key!.ToUpperInvariant()), row))
            {
                problems.Add(row, layout == CbpLayout.OhssMonthlyRegion ? "region" : "sector",
                    CbpProblems.DuplicateRow.With(firstRowOfKey[(fiscalYear.Value, fiscalMonth.Value, key.ToUpperInvariant())], layout == CbpLayout.OhssMonthlyRegion ? "region" : "sector"));
            }

            if (problems.Total > before || !keep)
            {
                continue;
            }

            if (!sums.TryGetValue(key!, out var series))
            {
                if (sums.Count == MaxSeries)
                {
                    problems.Add(row, "row", CbpProblems.TooManySeries.With(MaxSeries, by.ToString().ToLowerInvariant()));
                    return Empty(layout, problems);
                }

                series = (key!, new SortedDictionary<DateOnly, long>());
                sums[key!] = series;
            }

            var date = CalendarMonth(fiscalYear!.Value, fiscalMonth!.Value);
            series.Months[date] = series.Months.GetValueOrDefault(date) + quantity!.Value;
        }

        if (layout is null)
        {
            problems.Add(1, "header", CbpProblems.NoHeader.With());
            return Empty(null, problems);
        }

        var result = new SortedDictionary<string, IReadOnlyList<SeriesPoint>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, months) in sums.Values)
        {
            result[name] = [.. months.Select(m => new SeriesPoint(m.Key, m.Value))];
        }

        return new CbpEncounterTable(layout, result, problems, rows);
    }

    private static bool CheckOptions(CbpLayout layout, CbpBreakdown by, string? region, CbpComponent component, RowProblems problems)
    {
        var name = layout switch
        {
            CbpLayout.OhssMonthlyRegion => "OHSS Monthly Region",
            CbpLayout.OhssMonthlySector => "OHSS Monthly Sector",
            CbpLayout.OhssMonthlyRegionCitizenship => "OHSS Monthly Rgn and Citp",
            _ => "CBP Southwest Land Border",
        };
        var has = layout switch
        {
            CbpLayout.OhssMonthlyRegion => by == CbpBreakdown.Region,
            CbpLayout.OhssMonthlySector => by == CbpBreakdown.Sector,
            _ => by != CbpBreakdown.Sector,
        };
        if (!has)
        {
            problems.Add(1, "by", CbpProblems.NotInLayout.With(name, by.ToString().ToLowerInvariant()));
        }

        if (region is not null && layout == CbpLayout.OhssMonthlySector)
        {
            problems.Add(1, "region", CbpProblems.NotInLayout.With(name, "region"));
        }

        if (region is not null && layout == CbpLayout.CbpSouthwestLandBorder && !string.Equals(region, SouthwestLandBorder, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(1, "region", CbpProblems.SouthwestOnly.With(ImportFile.Echo(region)));
        }

        if (component != CbpComponent.UsbpOnly && layout != CbpLayout.CbpSouthwestLandBorder)
        {
            problems.Add(1, "component", CbpProblems.OhssBorderPatrolOnly.With(name));
        }

        return !problems.Any;
    }

    private static int? FiscalYear(string text, int row, RowProblems problems)
    {
        // The CBP file marks the current year "2025 (FYTD)".
        var digits = text.EndsWith("(FYTD)", StringComparison.OrdinalIgnoreCase) ? text[..^"(FYTD)".Length].TrimEnd() : text;
        if (text.Length == 0)
        {
            problems.Add(row, "fiscal year", CbpProblems.Required.With());
            return null;
        }

        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinFiscalYear and <= MaxFiscalYear)
        {
            return year;
        }

        problems.Add(row, "fiscal year", CbpProblems.BadFiscalYear.With(ImportFile.Echo(text), MinFiscalYear, MaxFiscalYear));
        return null;
    }

    /// <summary>The fiscal month (1 = October): OHSS writes <c>03 December</c> (number and name must agree), CBP <c>DEC</c>.</summary>
    private static int? FiscalMonth(string text, bool abbreviated, int row, string column, RowProblems problems)
    {
        if (text.Length == 0)
        {
            problems.Add(row, column, CbpProblems.Required.With());
            return null;
        }

        if (abbreviated)
        {
            var index = Array.FindIndex(FiscalMonthAbbreviations, a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index + 1;
            }
        }
        else
        {
            var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Length <= 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && number is >= 1 and <= 12 && string.Equals(parts[1], FiscalMonthNames[number - 1], StringComparison.OrdinalIgnoreCase))
            {
                return number;
            }
        }

        problems.Add(row, column, CbpProblems.UnknownMonth.With(ImportFile.Echo(text), abbreviated ? "OCT" : "03 December"));
        return null;
    }

    private static long? Quantity(string text, int row, string column, RowProblems problems)
    {
        if (text.Length == 0)
        {
            problems.Add(row, column, CbpProblems.Required.With());
        }
        else if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value < 0)
            {
                problems.Add(row, column, CbpProblems.NegativeQuantity.With(value));
            }
            else if (value > MaxQuantity)
            {
                problems.Add(row, column, CbpProblems.QuantityTooLarge.With(value, MaxQuantity));
            }
            else
            {
                return value;
            }
        }
        else
        {
            problems.Add(row, column, CbpProblems.NotAQuantity.With(ImportFile.Echo(text)));
        }

        return null;
    }

    private static string Named(string text, int row, string column, RowProblems problems)
    {
        if (text.Length == 0)
        {
            problems.Add(row, column, CbpProblems.Required.With());
        }

        return text;
    }
}
