using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Puente.Events;
using Puente.Events.Measures;
using Puente.Events.Store;

/// <summary>
/// Reads of the event store as the web host makes them (decision 0012): the old path (a process-wide gate, the file
/// opened read-only per read) against <see cref="EventQueries"/> over <see cref="EventStoreAccess"/> (one instance, a
/// connection per read), in the same run: monthly USA-MEX summaries by 1, 4 and 16 concurrent readers, and 4 readers
/// while this process holds the store for writing for 3 s (as the scheduled fetch does).
/// </summary>
internal static class ReadBench
{
    private static readonly Dyad UsaMex = new("USA", "MEX", false);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan WriteHold = TimeSpan.FromSeconds(3);

    /// <summary>The old <c>EventData.Gate</c>: one user of the store file at a time in the process.</summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task RunAsync(string work, IReadOnlyList<(string Name, string[] Files)> inputs)
    {
        var inv = CultureInfo.InvariantCulture;
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()
            : null;
        Console.WriteLine(string.Create(inv, $"{TimeProvider.System.GetUtcNow():yyyy-MM-dd}, {Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        Console.WriteLine();
        Console.WriteLine("| store | readers | old reads/s | new reads/s | new/old | old p50 ms | new p50 ms | old p99 ms | new p99 ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var writes = new List<string>();
        foreach (var (name, files) in inputs)
        {
            var dir = Directory.CreateDirectory(Path.Combine(work, "reads-" + Guid.NewGuid().ToString("N"))).FullName;
            var path = Path.Combine(dir, EventStore.FileName);
            using (var store = EventStore.Open(path))
            {
                await store.IngestAsync(files, IngestOptions.Default);
            }

            Func<Task> oldRead = () =>
            {
                OldRead(path);
                return Task.CompletedTask;
            };

            // A new access per run, disposed after it: an instance it keeps open would make the old path's opens cheap.
            async Task<Result> NewAsync(int readers, TimeSpan window, Func<EventStoreAccess, Task>? write = null)
            {
                using var access = new EventStoreAccess(path, TimeProvider.System, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
                var queries = new EventQueries(access);
                Func<Task> newRead = () => queries.SummaryAsync(UsaMex, Period.Month, null, null);
                return write is null ? await MeasureAsync(readers, window, newRead) : await DuringWriteAsync(newRead, () => write(access));
            }

            await MeasureAsync(1, TimeSpan.FromSeconds(1), oldRead); // warm-up: JIT, page cache
            await NewAsync(1, TimeSpan.FromSeconds(1));
            foreach (var readers in new[] { 1, 4, 16 })
            {
                var old = await MeasureAsync(readers, Window, oldRead);
                var now = await NewAsync(readers, Window);
                Console.WriteLine(string.Create(inv,
                    $"| {name} | {readers} | {old.PerSecond:N0} | {now.PerSecond:N0} | {now.PerSecond / old.PerSecond:F1} | {old.P50:F2} | {now.P50:F2} | {old.P99:F2} | {now.P99:F2} |"));
            }

            // While this process writes: the old fetch held the gate (and the file) for the whole fetch.
            var oldWrite = await DuringWriteAsync(oldRead, () =>
            {
                Gate.Wait();
                try
                {
                    using var store = EventStore.Open(path);
                    Thread.Sleep(WriteHold);
                }
                finally
                {
                    Gate.Release();
                }

                return Task.CompletedTask;
            });
            var newWrite = await NewAsync(4, TimeSpan.Zero, access => access.WriteAsync(async (_, ct) =>
            {
                await Task.Delay(WriteHold, ct);
                return 0;
            }));
            writes.Add(string.Create(inv,
                $"| {name} | {oldWrite.Reads:N0} | {newWrite.Reads:N0} | {oldWrite.Max:F0} | {newWrite.Max:F1} | {oldWrite.P99:F0} | {newWrite.P99:F1} |"));
            Directory.Delete(dir, recursive: true);
        }

        Console.WriteLine();
        Console.WriteLine($"4 readers while the store is held for writing for {WriteHold.TotalSeconds:F0} s:");
        Console.WriteLine();
        Console.WriteLine("| store | old reads | new reads | old max ms | new max ms | old p99 ms | new p99 ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var line in writes)
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>The old <c>EventData.Read</c>: wait for the gate (10 s at most), open the file read-only, query, close.</summary>
    private static void OldRead(string path)
    {
        if (!Gate.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The event store is busy.");
        }

        try
        {
            using var store = EventStore.Open(path, readOnly: true);
            EventMeasures.Summary(store.Connection, UsaMex, Period.Month, null, null);
        }
        finally
        {
            Gate.Release();
        }
    }

    private sealed record Result(int Reads, double PerSecond, double P50, double P99, double Max);

    /// <summary>Runs <paramref name="readers"/> loops of <paramref name="read"/> on the thread pool (as requests run) for
    /// <paramref name="window"/>; latencies in milliseconds.</summary>
    private static async Task<Result> MeasureAsync(int readers, TimeSpan window, Func<Task> read, Func<Task>? alongside = null)
    {
        var latencies = new List<double>[readers];
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, readers).Select(i => Task.Run(async () =>
        {
            var mine = latencies[i] = [];
            while (clock.Elapsed < window)
            {
                var started = Stopwatch.GetTimestamp();
                await read();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToList();
        if (alongside is not null)
        {
            loops.Add(Task.Run(alongside));
        }

        await Task.WhenAll(loops);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length, all.Length / clock.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all[^1]);
    }

    /// <summary>4 readers for the write's hold plus a second either side; the write starts half a second in.</summary>
    private static Task<Result> DuringWriteAsync(Func<Task> read, Func<Task> write) =>
        MeasureAsync(4, WriteHold + TimeSpan.FromSeconds(1), read, async () =>
        {
            await Task.Delay(500);
            await write();
        });

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
