using Puente.Events.Measures;
using Puente.Events.Store;
using static Puente.Events.Tests.GdeltFiles;

namespace Puente.Events.Tests;

/// <summary>The queries and the sharing of the store between reads and this process's writer (decision 0012).</summary>
public sealed class EventQueriesTests : IDisposable
{
    private static readonly Dyad UsaMex = new("USA", "MEX", false);

    private readonly string _dir = Directory.CreateTempSubdirectory("puente-queries-").FullName;

    private string StorePath => Path.Combine(_dir, EventStore.FileName);

    private static IReadOnlyList<string> RealFiles => Directory.GetFiles(RealSampleFolder, "*.export.CSV").Order(StringComparer.Ordinal).ToList();

    private EventStoreAccess Access(TimeSpan? readWait = null) =>
        new(StorePath, TimeProvider.System, readWait ?? TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    private async Task IngestRealSampleAsync()
    {
        using var store = EventStore.Open(StorePath);
        await store.IngestAsync(RealFiles, IngestOptions.Default);
    }

    [Fact]
    public async Task Series_carry_the_summary_numbers_dated_on_the_first_day_of_each_period()
    {
        await IngestRealSampleAsync();
        using var access = Access();
        var queries = new EventQueries(access);
        var summary = await queries.SummaryAsync(UsaMex, Period.Month, null, null, TestContext.Current.CancellationToken);
        Assert.Equal(168, summary.Sum(r => r.Events));

        var count = await queries.SeriesAsync(UsaMex, Period.Month, EventMeasure.Count, null, null, TestContext.Current.CancellationToken);
        Assert.Equal("events.USA-MEX.count", count.Name);
        Assert.Equal("events", count.Unit);
        Assert.Equal(summary.Select(r => (double)r.Events), count.Points.Select(p => p.Value));
        Assert.Equal(summary.Select(r => DateOnly.ParseExact(r.Period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            count.Points.Select(p => p.Date));
        Assert.Equal(168, count.Points.Sum(p => p.Value));

        var goldstein = await queries.SeriesAsync(UsaMex, Period.Month, EventMeasure.Goldstein, null, null, TestContext.Current.CancellationToken);
        Assert.Equal("goldstein", goldstein.Unit);
        Assert.Equal(summary.Select(r => r.GoldsteinMean), goldstein.Points.Select(p => p.Value));
        var tone = await queries.SeriesAsync(new Dyad("USA", "MEX", true), Period.Year, EventMeasure.Tone, null, null, TestContext.Current.CancellationToken);
        Assert.Equal("events.USA>MEX.tone", tone.Name);
        Assert.Equal("tone", tone.Unit);
        Assert.Equal((await queries.SummaryAsync(new Dyad("USA", "MEX", true), Period.Year, null, null, TestContext.Current.CancellationToken)).Select(r => r.ToneMean),
            tone.Points.Select(p => p.Value));
        Assert.All(tone.Points, p => Assert.Equal((1, 1), (p.Date.Month, p.Date.Day)));

        var weeks = await queries.SeriesAsync(UsaMex, Period.Week, EventMeasure.Count, null, null, TestContext.Current.CancellationToken);
        Assert.All(weeks.Points, p => Assert.Equal(DayOfWeek.Monday, p.Date.DayOfWeek));
        Assert.Equal(168, weeks.Points.Sum(p => p.Value));
    }

    [Fact]
    public async Task Before_any_ingest_every_query_is_empty_and_data_as_of_is_unknown()
    {
        using var access = Access();
        var queries = new EventQueries(access);
        Assert.False(queries.StoreExists);
        Assert.Empty(await queries.SummaryAsync(UsaMex, Period.Month, null, null, TestContext.Current.CancellationToken));
        Assert.Empty((await queries.SeriesAsync(UsaMex, Period.Day, EventMeasure.Count, null, null, TestContext.Current.CancellationToken)).Points);
        Assert.Null(await queries.DataAsOfAsync(TestContext.Current.CancellationToken));

        await IngestRealSampleAsync();
        var asOf = await queries.DataAsOfAsync(TestContext.Current.CancellationToken);
        var lastDay = (await queries.SummaryAsync(UsaMex, Period.Day, null, null, TestContext.Current.CancellationToken))[^1].Period;
        Assert.NotNull(asOf);
        Assert.True(asOf >= DateOnly.ParseExact(lastDay, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Reads_go_on_while_this_process_writes_and_see_only_finished_files()
    {
        var files = RealFiles;
        using var access = Access();
        var queries = new EventQueries(access);
        using (var store = EventStore.Open(StorePath))
        {
            await store.IngestAsync(files.Take(12).ToList(), IngestOptions.Default);
        }

        var before = (await queries.SummaryAsync(UsaMex, Period.Year, null, null, TestContext.Current.CancellationToken)).Sum(r => r.Events);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ingested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A read-only instance is open (kept for 30 s): the writer must still get a read-write one.
        var writer = access.WriteAsync(async (store, ct) =>
        {
            await store.IngestAsync(files.Skip(12).ToList(), IngestOptions.Default, cancellationToken: ct);
            ingested.SetResult();
            await hold.Task;
            return 0;
        }, TestContext.Current.CancellationToken);

        await ingested.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        // The writer still holds the store: the read joins its instance instead of waiting for it.
        var during = await queries.SummaryAsync(UsaMex, Period.Year, null, null, TestContext.Current.CancellationToken);
        Assert.False(writer.IsCompleted);
        Assert.Equal(168, during.Sum(r => r.Events));
        Assert.InRange(before, 1, 167);

        hold.SetResult();
        await writer;
        Assert.Equal(168, (await queries.SummaryAsync(UsaMex, Period.Year, null, null, TestContext.Current.CancellationToken)).Sum(r => r.Events));
        // The next writer opens again after the reads (the read-only instance is closed for it, not written through).
        await access.WriteAsync((store, ct) => store.IngestAsync(files.Take(1).ToList(), IngestOptions.Default, cancellationToken: ct),
            TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_read_that_meets_a_writer_waiting_for_reads_fails_fast_as_busy_by_type()
    {
        await IngestRealSampleAsync();
        using var access = Access(readWait: TimeSpan.FromMilliseconds(200));
        using var inRead = new ManualResetEventSlim();
        using var finishRead = new ManualResetEventSlim();
        var slowRead = Task.Run(async () => await access.ReadAsync(_ =>
        {
            inRead.Set();
            finishRead.Wait(TimeSpan.FromSeconds(60));
            return 1;
        }, 0, CancellationToken.None), TestContext.Current.CancellationToken);
        Assert.True(inRead.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        var writer = access.WriteAsync((_, _) => Task.FromResult(0), TestContext.Current.CancellationToken);

        var started = TimeProvider.System.GetTimestamp();
        await Assert.ThrowsAsync<EventStoreBusyException>(() =>
            new EventQueries(access).SummaryAsync(UsaMex, Period.Year, null, null, TestContext.Current.CancellationToken));
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5), "the read waited its bound, not the writer");
        Assert.False(writer.IsCompleted);

        finishRead.Set();
        Assert.Equal(1, await slowRead);
        await writer.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(168, (await new EventQueries(access).SummaryAsync(UsaMex, Period.Year, null, null, TestContext.Current.CancellationToken)).Sum(r => r.Events));
    }

    [Fact]
    public async Task A_store_of_an_earlier_version_is_reported_by_type()
    {
        using (var old = new DuckDB.NET.Data.DuckDBConnection($"Data Source={StorePath}"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = "CREATE TABLE files (sha256 VARCHAR PRIMARY KEY, name VARCHAR)";
            command.ExecuteNonQuery();
        }

        using var access = Access();
        await Assert.ThrowsAsync<EventStoreFormatException>(() =>
            new EventQueries(access).SummaryAsync(UsaMex, Period.Year, null, null, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<EventStoreFormatException>(() => access.WriteAsync((_, _) => Task.FromResult(0), TestContext.Current.CancellationToken));
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
