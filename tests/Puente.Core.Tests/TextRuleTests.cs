using Puente.Core.Access;
using Puente.Core.Text;

namespace Puente.Core.Tests;

public sealed class TextRuleTests
{
    [Theory]
    [InlineData("Internal", true, Confidentiality.Internal)]
    [InlineData("internal", true, Confidentiality.Internal)]
    [InlineData("  RESTRICTED ", true, Confidentiality.Restricted)]
    [InlineData("Shared", true, Confidentiality.Shared)]
    [InlineData("+1", false, default(Confidentiality))]
    [InlineData("1", false, default(Confidentiality))]
    [InlineData(" 1", false, default(Confidentiality))]
    [InlineData("-1", false, default(Confidentiality))]
    [InlineData("0x1", false, default(Confidentiality))]
    [InlineData("Shared, Internal", false, default(Confidentiality))]
    [InlineData("Shared,Internal", false, default(Confidentiality))]
    [InlineData("Secret", false, default(Confidentiality))]
    [InlineData("", false, default(Confidentiality))]
    [InlineData(null, false, default(Confidentiality))]
    public void Enum_values_are_defined_names_only(string? text, bool parses, Confidentiality expected)
    {
        Assert.Equal(parses, EnumText.TryParse<Confidentiality>(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Enum_names_can_be_required_in_their_exact_case()
    {
        Assert.True(EnumText.TryParse<Side>("MX", out var side, ignoreCase: false));
        Assert.Equal(Side.MX, side);
        Assert.False(EnumText.TryParse<Side>("mx", out _, ignoreCase: false));
    }

    [Theory]
    [InlineData("2025-01-31", true)]
    [InlineData(" 1944-02-03 ", true)]
    [InlineData("1900-01-01", true)]
    [InlineData("2200-12-31", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2201-01-01", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("2025-02-30", false)]
    [InlineData("31/01/2025", false)]
    [InlineData("", false)]
    public void Dates_are_iso_between_1900_and_2200(string text, bool parses) => Assert.Equal(parses, IsoDate.TryParse(text, out _));

    [Theory]
    [InlineData("Secretaría de Relaciones Exteriores", false, null)]
    [InlineData("Consulado — Los Ángeles", false, null)]
    [InlineData("a\u200Eb", false, null)] // a left-to-right mark is legitimate in mixed-script text
    [InlineData("line one\nline two\ttabbed", true, null)]
    [InlineData("line one\r\nline two", true, null)]
    [InlineData("line one\nline two", false, "text.controlCharacter")]
    [InlineData("tab\there", false, "text.controlCharacter")]
    [InlineData("nul\0here", true, "text.controlCharacter")]
    [InlineData("escape\u001B[31m", true, "text.controlCharacter")]
    [InlineData("delete\u007F", false, "text.controlCharacter")]
    [InlineData("invoice\u202Egnp.exe", false, "text.bidiControl")]
    [InlineData("\u202Aembedded\u202C", false, "text.bidiControl")]
    [InlineData("isolate\u2066x\u2069", true, "text.bidiControl")]
    public void Text_refuses_control_characters_and_direction_overrides(string text, bool multiline, string? problem) =>
        Assert.Equal(problem, PlainText.Check(text, multiline)?.Code);

    [Fact]
    public void Text_refuses_a_lone_surrogate() =>
        Assert.Equal("text.controlCharacter", PlainText.Check("lone " + (char)0xD800 + " surrogate", multiline: false)?.Code);

    [Theory]
    [InlineData("\u200B\u200B\u200B", true)]
    [InlineData("\uFEFF", true)]
    [InlineData("\u200D\u2060", true)]
    [InlineData("\u00A0\u3000", true)]
    [InlineData("\u200E\u200F", true)]
    [InlineData(" \t\n", true)]
    [InlineData("", true)]
    [InlineData("\u200Bx", false)]
    [InlineData("Ñ", false)]
    [InlineData("-", false)]
    public void Text_made_only_of_invisible_characters_is_recognized(string text, bool invisible) =>
        Assert.Equal(invisible, PlainText.IsInvisible(text));
}
