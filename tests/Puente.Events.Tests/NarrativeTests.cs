using Puente.Cli;
using Puente.Events.Narrative;
using Puente.Events.Store;

namespace Puente.Events.Tests;

public sealed class NarrativeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("puente-gkg-").FullName;

    private static string GkgFile => Path.Combine(GdeltFiles.RealSampleFolder, "gkg", "20230702153000.gkg.csv");

    [Fact]
    public void The_real_gkg_file_keeps_the_articles_about_mexico_and_the_us_once()
    {
        using var store = EventStore.Open(Path.Combine(_dir, EventStore.FileName));
        var report = GkgIngest.Ingest(store.Connection, GkgFile);
        Assert.Equal(951, report.Lines);
        Assert.Equal(360, report.Kept); // 17 about places in Mexico, 357 in the U.S., 14 both
        Assert.Empty(report.Problems);
        Assert.Equal("already ingested", GkgIngest.Ingest(store.Connection, GkgFile).Status);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT count(*) FILTER (about_mx), count(*) FROM articles";
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(17, reader.GetInt64(0));
        Assert.Equal(360, reader.GetInt64(1));
    }

    [Fact]
    public void Frame_shares_per_month_split_by_outlet_country()
    {
        using var store = EventStore.Open(Path.Combine(_dir, EventStore.FileName));
        GkgIngest.Ingest(store.Connection, GkgFile);
        var frames = FrameMap.Load(_dir);
        Assert.True(File.Exists(Path.Combine(_dir, "frames.json")), "the editable mapping is written to the data directory");
        var row = Assert.Single(NarrativeMeasures.Monthly(store.Connection, frames));
        Assert.Equal("2023-07", row.Month);
        Assert.Equal(NarrativeGroup.UsOnMexico, row.Group);
        Assert.Equal(16, row.Articles);
        Assert.Equal(-0.954271404710078, row.ToneMean, 9);
        Assert.Equal(10.0 / 16, row.FrameShares["IMMIGRATION"], 9);
        Assert.All(row.FrameShares.Values, share => Assert.InRange(share, 0, 1));

        // A user edits the mapping: the measures follow without re-ingesting.
        File.WriteAllText(Path.Combine(_dir, "frames.json"), """
            {"version": 1, "frames": [{"code": "ALL-POLITICS", "kind": "problem", "nameEn": "Politics", "nameEs": "Política", "themes": [], "themePrefixes": ["USPEC_POLITICS"]}]}
            """);
        var edited = Assert.Single(NarrativeMeasures.Monthly(store.Connection, FrameMap.Load(_dir)));
        Assert.Equal(["ALL-POLITICS"], edited.FrameShares.Keys);

        File.WriteAllText(Path.Combine(_dir, "frames.json"), "{ broken");
        Assert.Contains("frames.json is not valid JSON", Assert.Throws<InvalidDataException>(() => FrameMap.Load(_dir)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eluniversal.com.mx", false, "MX")]
    [InlineData("reforma.com", true, "MX")]
    [InlineData("nytimes.com", false, "US")]
    [InlineData("bbc.co.uk", false, "OTHER")]
    [InlineData("elpais.es", true, "OTHER")]
    public void Outlets_are_told_apart_by_domain_and_language(string source, bool spanish, string expected) =>
        Assert.Equal(expected, GkgIngest.Outlet(source, spanish));

    [Fact]
    public async Task The_cli_ingests_and_summarizes()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await PuenteCli.RunAsync(["narrative", "ingest", GkgFile, "--data-dir", _dir], new StringReader(""), output, error));
        Assert.Contains("360 article(s)", output.ToString(), StringComparison.Ordinal);
        using var csv = new StringWriter();
        Assert.Equal(0, await PuenteCli.RunAsync(["narrative", "summary", "--format", "csv", "--data-dir", _dir], new StringReader(""), csv, error));
        Assert.StartsWith("month,group,articles,tone_mean,drugs-crime-violence", csv.ToString(), StringComparison.Ordinal);
        Assert.Contains("2023-07,us-on-mexico,16,", csv.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
