using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Puente.Events.Hosting;
using Puente.Events.Store;

namespace Puente.Events.Fetch;

/// <summary>
/// One scheduled GDELT fetch: GDELT 2.0 event files for yesterday and today, exactly as <c>puente events fetch</c> does.
/// The web host's scheduler runs it every <c>Events:Fetch:IntervalMinutes</c> when <c>Events:Fetch:Enabled</c> is true
/// (docs/decisions/0040-scheduler.md); this project does not know the scheduler. It writes through
/// <see cref="EventStoreAccess"/>, so reads go on while it ingests (decision 0012).
/// </summary>
public sealed partial class GdeltScheduledFetch(IOptions<EventsOptions> options, EventStoreAccess store, TimeProvider time,
    IHttpClientFactory httpClients, ILogger<GdeltScheduledFetch> logger)
{
    /// <summary>The named HTTP client the fetch uses.</summary>
    public const string HttpClientName = "gdelt";

    /// <summary>Whether the schedule is on, and how often: null when <c>Events:Fetch:Enabled</c> is false.</summary>
    public TimeSpan? Interval => options.Value.Fetch.Enabled ? TimeSpan.FromMinutes(options.Value.Fetch.IntervalMinutes) : null;

    /// <summary>Fetches once. A failure is logged, not thrown: the next run tries again.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var fetcher = new GdeltFetcher(httpClients.CreateClient(HttpClientName), settings.Gdelt.BaseUri, settings.DataDirectory, time);
            var report = await store.WriteAsync((events, ct) =>
                fetcher.FetchAsync(today.AddDays(-1), today, events, IngestOptions.Default, cancellationToken: ct), cancellationToken);
            LogFetched(report.Downloaded.Count, report.Failed.Count, report.MissingSlots.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFetchFailed(ex, TimeSpan.FromMinutes(settings.Fetch.IntervalMinutes));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GDELT fetch: {Downloaded} downloaded, {Failed} failed, {Missing} missing slots")]
    private partial void LogFetched(int downloaded, int failed, int missing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GDELT fetch failed; next attempt in {Interval}")]
    private partial void LogFetchFailed(Exception exception, TimeSpan interval);
}
