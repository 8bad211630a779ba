using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Puente.Events.Store;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// While another process writes the event store, reads answer at once: 503 with the localized "busy" title from the
/// API, a notice on the pages (decision 0012). The busy store is recognised by type, not by DuckDB's message.
/// </summary>
public sealed class BusyEventStoreTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_store_another_process_is_writing_is_reported_busy_without_waiting()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "holds the store through a named pipe (mkfifo)");
        using (EventStore.Open(Path.Combine(app.DataDirectory, EventStore.FileName)))
        {
            // an empty store of this version
        }

        // `puente narrative ingest` opens the store for writing, then reads its input; from a named pipe nobody writes
        // to, it waits there holding the store.
        var pipe = Path.Combine(app.DataDirectory, "held.gkg.csv");
        using (var mkfifo = Process.Start("mkfifo", [pipe]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        using var writer = Process.Start(new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "puente.dll"), "narrative", "ingest", pipe, "--data-dir", app.DataDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        // Opening the pipe for writing returns once the child opens it for reading, that is, once it holds the store.
        var opened = Task.Run(() => new FileStream(pipe, FileMode.Open, FileAccess.Write), TestContext.Current.CancellationToken);
        try
        {
            var first = await Task.WhenAny(opened, writer.WaitForExitAsync(TestContext.Current.CancellationToken))
                .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            if (first != opened)
            {
                Assert.Fail($"puente exited early: {await writer.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
            }

            using var api = await app.ApiAs(TestUsers.UsAnalyst, "en-US");
            var clock = Stopwatch.StartNew();
            var response = await api.GetAsync("/api/v1/events/summary?dyad=USA-MEX&by=month", TestContext.Current.CancellationToken);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the read waited {clock.Elapsed}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal("The event store is busy with an ingest. Try again shortly.", problem.RootElement.GetProperty("title").GetString());

            using var spanish = await app.UiAs(TestUsers.JointViewer, "es-MX");
            Assert.Contains("id=\"store-busy\"", await spanish.GetStringAsync("/Events?Dyad=USA-MEX&By=month", TestContext.Current.CancellationToken),
                StringComparison.Ordinal);
            Assert.Contains("id=\"store-busy\"", await spanish.GetStringAsync("/Events/Narrative", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        finally
        {
            writer.Kill(entireProcessTree: true);
            await writer.WaitForExitAsync(CancellationToken.None);
            if (opened.IsCompletedSuccessfully)
            {
                await (await opened).DisposeAsync();
            }
            else
            {
                // Unblock the pending open (the child never read): a reader of our own lets it complete.
                using var drain = new FileStream(pipe, FileMode.Open, FileAccess.Read);
                await (await opened).DisposeAsync();
            }
        }

        using var after = await app.ApiAs(TestUsers.UsAnalyst, "en-US");
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/api/v1/events/summary?dyad=USA-MEX&by=month", TestContext.Current.CancellationToken)).StatusCode);
    }
}
