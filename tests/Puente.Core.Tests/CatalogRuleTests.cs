using System.Globalization;
using Puente.Core.Catalog;
using Puente.Core.Localization;

namespace Puente.Core.Tests;

public sealed class CatalogRuleTests
{
    [Theory]
    [InlineData("III-04", true)]
    [InlineData("MX-CONS-LOS-ANGELES", true)]
    [InlineData("v1.2", false)]
    [InlineData("", false)]
    [InlineData("HAS SPACE", false)]
    [InlineData("ÑANDÚ", false)]
    public void Codes_are_upper_case_ascii(string code, bool valid) => Assert.Equal(valid, CatalogCode.IsValid(code));

    [Fact]
    public void Codes_are_at_most_forty_characters()
    {
        Assert.True(CatalogCode.IsValid(new string('A', 40)));
        Assert.False(CatalogCode.IsValid(new string('A', 41)));
        Assert.Equal("MX-SRE", CatalogCode.Normalize(" mx-sre "));
    }

    [Fact]
    public void Participants_parse_or_are_refused()
    {
        Assert.Equal(["MX", "US"], Countries.ParseParticipants("mx, US;us"));
        Assert.Null(Countries.ParseParticipants("MX, FR"));
        Assert.Empty(Countries.ParseParticipants("")!);
    }

    [Fact]
    public void Bilingual_text_falls_back_to_the_other_language()
    {
        var es = CultureInfo.GetCultureInfo("es-MX");
        var en = CultureInfo.GetCultureInfo("en-US");
        Assert.Equal("Agua", Bilingual.Pick("Water", "Agua", es));
        Assert.Equal("Water", Bilingual.Pick("Water", "Agua", en));
        Assert.Equal("Water", Bilingual.Pick("Water", " ", es));
        Assert.Equal("Agua", Bilingual.Pick(null, "Agua", en));
        Assert.Equal("", Bilingual.Pick(null, null, en));
    }

    [Fact]
    public void Terms_include_both_ends_and_open_terms_run_on()
    {
        var term = new Administration { TermStart = new DateOnly(2024, 10, 1), TermEnd = new DateOnly(2030, 9, 30) };
        Assert.True(term.IsInOffice(new DateOnly(2024, 10, 1)));
        Assert.True(term.IsInOffice(new DateOnly(2030, 9, 30)));
        Assert.False(term.IsInOffice(new DateOnly(2024, 9, 30)));
        Assert.False(term.IsInOffice(new DateOnly(2030, 10, 1)));
        Assert.True(new Administration { TermStart = new DateOnly(2024, 10, 1) }.IsInOffice(new DateOnly(2099, 1, 1)));
    }

    [Fact]
    public void Every_actor_type_has_a_track()
    {
        string[] tracks = ["INSTITUTIONAL", "EXECUTIVE", "ADMINISTRATIVE", "PARLIAMENTARY-JUDICIAL", "LOCAL", "SUBSTATE", "MINILATERAL-MULTILATERAL",
            "INTEREST-GROUP", "PUBLIC-DIPLOMACY", "DIASPORA-CONSULAR", "GLOBAL-REGIONAL", "WATER"];
        Assert.All(Enum.GetValues<ActorType>(), t => Assert.Contains(ActorTracks.DefaultTrackCode(t), tracks));
        Assert.Equal("DIASPORA-CONSULAR", ActorTracks.DefaultTrackCode(ActorType.Consulate));
    }
}
