using System.Globalization;

namespace Puente.Core.Localization;

/// <summary>Chooses between an English and a Spanish text.</summary>
public static class Bilingual
{
    /// <summary>True when <paramref name="culture"/> (or its parent) is Spanish.</summary>
    public static bool IsSpanish(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("es", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The text in <paramref name="culture"/>'s language, falling back to the other language when that one is empty;
    /// "" when both are.
    /// </summary>
    public static string Pick(string? english, string? spanish, CultureInfo culture)
    {
        var (first, second) = IsSpanish(culture) ? (spanish, english) : (english, spanish);
        return !string.IsNullOrWhiteSpace(first) ? first : second ?? "";
    }

    /// <summary><see cref="Pick(string?, string?, CultureInfo)"/> for the current UI culture.</summary>
    public static string Pick(string? english, string? spanish) => Pick(english, spanish, CultureInfo.CurrentUICulture);
}
