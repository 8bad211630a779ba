using System.Globalization;

namespace Puente.Core.Text;

/// <summary>Dates as Puente's commands, forms, files and API take them: YYYY-MM-DD.</summary>
public static class IsoDate
{
    public const string Format = "yyyy-MM-dd";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
