using System.Globalization;

namespace Puente.Web.Features.Exports;

/// <summary>
/// What a cell holds, the same in both formats: texts neutralised against formula injection, dates and times ISO 8601
/// (times in UTC), numbers invariant.
/// </summary>
public static class ExportCells
{
    /// <summary>A cell starting with one of these is read as a formula by spreadsheets (OWASP "CSV injection").</summary>
    public static IReadOnlyList<char> FormulaTriggers { get; } = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// <paramref name="text"/> with a single quote in front when it starts with a formula trigger, so that a spreadsheet
    /// shows it as text and never evaluates it; other text unchanged.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && FormulaTriggers.Contains(text[0]) ? "'" + text : text;

    /// <summary>
    /// The value as a CSV field: a number as the invariant culture writes it (a negative number stays a number: its text
    /// is made by the formatter, never by a person, and holds no formula); anything else as neutralised text.
    /// </summary>
    public static string Text(object? value) => IsNumber(value)
        ? ((IFormattable)value!).ToString(null, CultureInfo.InvariantCulture)
        : Neutralise(value switch
        {
            null => "",
            string s => s,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            IEnumerable<string> items => string.Join("; ", items),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        });

    /// <summary>Whether the value is written as a number (a numeric cell in Excel).</summary>
    public static bool IsNumber(object? value) => value is int or long or double or decimal;
}
