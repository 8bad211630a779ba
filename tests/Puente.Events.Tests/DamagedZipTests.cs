using System.Buffers.Binary;
using System.IO.Compression;
using Puente.Cli;
using Puente.Events.Store;

namespace Puente.Events.Tests;

/// <summary>A damaged .CSV.zip is refused with its reason; the other files are ingested and the summary is printed.</summary>
public sealed class DamagedZipTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("puente-events-zip-").FullName;

    private string Input => Directory.CreateDirectory(Path.Combine(_dir, "input")).FullName;

    /// <summary>A real GDELT export zipped the way GDELT publishes it (one entry); with <paramref name="files"/> > 1, several
    /// exports in one archive, larger than the one-transaction threshold for zips (1 MiB).</summary>
    private string RealZip(string name, int files = 1)
    {
        var path = Path.Combine(Input, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var csv in Directory.GetFiles(GdeltFiles.RealSampleFolder, "*.export.CSV").Order(StringComparer.Ordinal).Take(files))
        {
            zip.CreateEntryFromFile(csv, Path.GetFileName(csv), CompressionLevel.Optimal);
        }

        return path;
    }

    private static void Truncate(string path) => File.WriteAllBytes(path, File.ReadAllBytes(path)[..(int)(new FileInfo(path).Length * 6 / 10)]);

    /// <summary>Flips the central directory's first header (its signature and the fields after it).</summary>
    private static void FlipCentralDirectory(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var end = bytes.AsSpan().LastIndexOf((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]);
        var directory = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 16));
        Flip(bytes, directory, 12);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Flips bytes inside the first entry's compressed data.</summary>
    private static void FlipCompressedData(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var data = 30 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(28));
        Flip(bytes, data + 2_000, 64);
        File.WriteAllBytes(path, bytes);
    }

    private static void Flip(byte[] bytes, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            bytes[i] ^= 0xA5;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task Damaged_zips_are_refused_with_the_reason_and_the_good_one_is_ingested(int entries)
    {
        var good = RealZip("good.export.CSV.zip", entries);
        Truncate(RealZip("truncated.export.CSV.zip", entries));
        FlipCentralDirectory(RealZip("directory.export.CSV.zip", entries));
        FlipCompressedData(RealZip("data.export.CSV.zip", entries));
        Assert.True(entries == 1 || new FileInfo(good).Length > 1024 * 1024, "the large case must take the multi-transaction path");

        Directory.CreateDirectory(Path.Combine(_dir, "store"));
        using (var store = EventStore.Open(Path.Combine(_dir, "store", EventStore.FileName)))
        {
            var outcomes = await store.IngestAsync(Directory.GetFiles(Input).Order(StringComparer.Ordinal).ToList(), IngestOptions.Default);
            Assert.Equal(FileOutcome.Ingested, outcomes.Single(o => o.Path == good).Status);
            Assert.All(outcomes.Where(o => o.Path != good), o =>
            {
                Assert.Equal(FileOutcome.Refused, o.Status);
                Assert.Contains($"{Path.GetFileName(o.Path)} is a damaged zip file (", o.Message, StringComparison.Ordinal);
            });
        }

        using var clean = EventStore.Open(Path.Combine(Directory.CreateDirectory(Path.Combine(_dir, "clean")).FullName, EventStore.FileName));
        var alone = (await clean.IngestAsync([good], IngestOptions.Default)).Single();
        using var mixed = EventStore.Open(Path.Combine(_dir, "store", EventStore.FileName));
        Assert.Equal(Count(clean), Count(mixed)); // nothing of the damaged copies was kept
        Assert.True(alone.Report!.Kept > 0);
    }

    [Fact]
    public async Task The_command_prints_each_refusal_and_the_summary_without_a_stack_trace()
    {
        RealZip("good.export.CSV.zip");
        Truncate(RealZip("truncated.export.CSV.zip"));
        FlipCentralDirectory(RealZip("directory.export.CSV.zip"));
        FlipCompressedData(RealZip("data.export.CSV.zip"));
        using var output = new StringWriter();
        using var error = new StringWriter();
        await PuenteCli.RunAsync(["events", "ingest", Input, "--data-dir", Path.Combine(_dir, "data")], new StringReader(""), output, error);
        var all = output + "\n" + error;
        Assert.Contains("1 file(s) ingested, 0 already ingested, 3 refused", all, StringComparison.Ordinal);
        foreach (var name in new[] { "truncated", "directory", "data" })
        {
            Assert.Contains($"{name}.export.CSV.zip is a damaged zip file", all, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
    }

    private static long Count(EventStore store)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
