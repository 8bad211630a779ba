using System.Globalization;
using Puente.Events.Reference;
using static Puente.Events.Tests.GdeltFiles;

namespace Puente.Events.Tests;

public sealed class CameoReferenceTests
{
    private static readonly CultureInfo Es = CultureInfo.GetCultureInfo("es-MX");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public void Every_code_of_both_lookup_tables_has_english_spanish_and_goldstein()
    {
        var codes = CameoReference.Shared.Codes;
        Assert.Equal(311, codes.Count);
        Assert.All(codes, c => Assert.False(string.IsNullOrWhiteSpace(c.DescriptionEn), c.Code));
        Assert.All(codes, c => Assert.False(string.IsNullOrWhiteSpace(c.DescriptionEs), c.Code));
        Assert.All(codes, c => Assert.NotNull(c.Goldstein));
        Assert.Equal(20, codes.Count(c => c.Code.Length == 2));
    }

    [Fact]
    public void The_lookup_tables_quirks_are_repaired()
    {
        Assert.Equal("Demand withdrawal", CameoReference.Shared.Describe("106", En));
        Assert.Equal("Demand de-escalation of military engagement", CameoReference.Shared.Describe("1056", En));
        Assert.Equal("Meet at a third location", CameoReference.Shared.Describe("044", En));
        Assert.Equal(-5.0, CameoReference.Shared.Find("106")!.Goldstein);
        Assert.Equal("010", CameoReference.Shared.Find("010")!.Code); // codes keep their leading zeros
        Assert.Equal("Reunirse en un tercer lugar", CameoReference.Shared.Describe("044", Es));
        Assert.Equal("Conflicto material", CameoReference.QuadClassName(4, Es));
    }

    [Fact]
    public void Goldstein_values_agree_with_every_row_of_the_real_sample()
    {
        var lines = File.ReadLines(Path.Combine(RealSampleFolder, "20191024143000.export.CSV")).Select(l => l.Split('\t')).ToList();
        Assert.Equal(2111, lines.Count);
        Assert.All(lines, f => Assert.Equal(double.Parse(f[30], CultureInfo.InvariantCulture), CameoReference.Shared.Find(f[26])!.Goldstein));
    }
}
