using System.Globalization;

namespace Puente.Core.Text;

/// <summary>
/// Dates as Puente's commands, forms, files and API take them: YYYY-MM-DD, from <see cref="Earliest"/> to
/// <see cref="Latest"/> inclusive. The range covers every date the treaties, the catalog and GDELT use (the 1944
/// treaty, GDELT 1.0 from 1979) and any plan people make, while refusing typing slips such as 9999-12-31 or 0001-01-01
/// that would otherwise stretch a series or a cycle search across millennia.
/// </summary>
public static class IsoDate
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>The earliest date accepted: 1900-01-01.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>The latest date accepted: 2200-12-31.</summary>
    public static readonly DateOnly Latest = new(2200, 12, 31);

    /// <summary>True for a YYYY-MM-DD date (surrounding blanks ignored) between <see cref="Earliest"/> and <see cref="Latest"/>.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date >= Earliest && date <= Latest;
}
