using System.Diagnostics;
using Puente.Events.Measures;
using Puente.Events.Store;
using static Puente.Events.Tests.GdeltFiles;

namespace Puente.Events.Tests;

/// <summary>An ingest killed part-way and run again ends exactly as an uninterrupted one.</summary>
public sealed class InterruptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("puente-interrupt-").FullName;

    /// <summary>Large files go through listed loads (several transactions each); small ones through one transaction each.</summary>
    [Theory]
    [InlineData(6, 60_000)]
    [InlineData(120, 2_500)]
    public async Task A_killed_ingest_run_again_gives_the_same_store_as_an_uninterrupted_one(int fileCount, int linesPerFile)
    {
        var countries = new[] { "USA", "MEX", "FRA", "CHN", "" };
        var files = Enumerable.Range(0, fileCount).Select(f => Write(_dir, $"20250101{f:000000}.export.CSV",
            Enumerable.Range(0, linesPerFile).Select(i =>
            {
                var id = f * 1_000_000L + i + 1;
                return Line(new(id, $"2025010{1 + (i % 9)}", countries[i % 5], countries[(i / 5) % 5], Quad: 1 + (i % 4),
                    Goldstein: (i % 21) - 10, Tone: (i % 200) / 10.0 - 10, Articles: i % 7));
            }))).ToList();

        var clean = Path.Combine(_dir, "clean");
        Assert.Equal(0, (await RunAsync(clean, files, killAfterFirstFile: false)).ExitCode);

        var interrupted = Path.Combine(_dir, "interrupted");
        var killed = await RunAsync(interrupted, files, killAfterFirstFile: true);
        Assert.True(killed.Killed, "the ingest finished before it could be killed; make the files larger");
        Assert.Equal(0, (await RunAsync(interrupted, files, killAfterFirstFile: false)).ExitCode);

        foreach (var by in new[] { Period.Day, Period.Month })
        {
            Reference.AssertSame(Summary(clean, by), Summary(interrupted, by));
        }

        Assert.Equal(Count(clean, "SELECT count(*) FROM files"), Count(interrupted, "SELECT count(*) FROM files"));
        Assert.Equal(Count(clean, "SELECT sum(events)::BIGINT FROM daily_totals"), Count(interrupted, "SELECT sum(events)::BIGINT FROM daily_totals"));
        Assert.Equal(Count(clean, "SELECT count(*) FROM events"), Count(interrupted, "SELECT count(*) FROM events"));
        Assert.Equal(0, Count(interrupted, "SELECT count(*) FROM loads"));
        Assert.Equal(0, Count(interrupted, "SELECT count(*) FROM event_rows WHERE file_no NOT IN (SELECT file_no FROM files)"));

        // No detail file is left of the killed load, and the drill-down shows the same events with the same links.
        var details = Directory.GetFiles(Path.Combine(interrupted, EventDetails.FolderName)).Select(Path.GetFileName).ToList();
        Assert.Equal(Count(interrupted, "SELECT count(*) FROM files"), details.Select(d => d!.Split('-')[0]).Distinct().Count());
        Assert.NotEmpty(Drill(clean));
        Assert.Equal(Drill(clean).Select(r => (r.GlobalEventId, r.Actor1, r.Place, r.SourceUrl)), Drill(interrupted).Select(r => (r.GlobalEventId, r.Actor1, r.Place, r.SourceUrl)));
    }

    private static IReadOnlyList<SummaryRow> Summary(string dataDir, Period by)
    {
        using var store = EventStore.Open(Path.Combine(dataDir, EventStore.FileName), readOnly: true);
        return EventMeasures.Summary(store.Connection, new Dyad("USA", "MEX", false), by, null, null);
    }

    private static IReadOnlyList<EventRow> Drill(string dataDir)
    {
        using var store = EventStore.Open(Path.Combine(dataDir, EventStore.FileName), readOnly: true);
        return EventMeasures.Events(store.Connection, new Dyad("USA", "MEX", false), new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31), null, 100_000);
    }

    private static long Count(string dataDir, string sql)
    {
        using var store = EventStore.Open(Path.Combine(dataDir, EventStore.FileName), readOnly: true);
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(int ExitCode, bool Killed)> RunAsync(string dataDir, IReadOnlyList<string> files, bool killAfterFirstFile)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "puente.dll"), "events", "ingest", .. files, "--data-dir", dataDir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var killed = false;
        var firstDone = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("[1/", StringComparison.Ordinal) == true)
            {
                firstDone.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (killAfterFirstFile)
        {
            await Task.WhenAny(firstDone.Task, process.WaitForExitAsync());
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                killed = true;
            }
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, killed);
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
