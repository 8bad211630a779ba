using System.Globalization;
using System.Text;

namespace Puente.Core.Text;

/// <summary>
/// What text people type into names, descriptions and other fields may contain. Refused: control characters (NUL,
/// escape…; newline, carriage return and tab only where the field is <c>multiline</c>), unpaired surrogates, and the
/// bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which make a name display in
/// an order other than the one stored ("Trojan Source"). Left-to-right and right-to-left marks are allowed: they are
/// legitimate inside mixed-script text and cannot reorder it beyond a neighbouring character.
/// </summary>
public static class PlainText
{
    /// <summary>The first problem of <paramref name="text"/>, or null when it may be stored.</summary>
    public static Problem? Check(string text, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return TextProblems.ControlCharacter.With(Hex(rest[0]));
            }

            if (IsBidiControl(rune.Value))
            {
                return TextProblems.BidiControl.With(Hex(rune.Value));
            }

            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control && !(multiline && rune.Value is '\n' or '\r' or '\t'))
            {
                return TextProblems.ControlCharacter.With(Hex(rune.Value));
            }

            rest = rest[used..];
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="text"/> shows nothing: it is empty or made only of white space, separators, control and
    /// format characters (zero-width spaces and joiners, byte-order marks, direction marks).
    /// </summary>
    public static bool IsInvisible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format
                    or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBidiControl(int c) => c is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    private static string Hex(int c) => c.ToString("X4", CultureInfo.InvariantCulture);
}
