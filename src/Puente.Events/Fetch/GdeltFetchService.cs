using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Puente.Events.Hosting;
using Puente.Events.Store;

namespace Puente.Events.Fetch;

/// <summary>
/// When <c>Events:Fetch:Enabled</c> is true, fetches GDELT 2.0 event files every <c>Events:Fetch:IntervalMinutes</c> for
/// yesterday and today, exactly as <c>puente events fetch</c> does. It writes through <see cref="EventStoreAccess"/>, so
/// reads go on while it ingests (decision 0012).
/// </summary>
public sealed partial class GdeltFetchService(IOptions<EventsOptions> options, EventStoreAccess store, TimeProvider time,
    IHttpClientFactory httpClients, ILogger<GdeltFetchService> logger) : BackgroundService
{
    /// <summary>The named HTTP client the fetch uses.</summary>
    public const string HttpClientName = "gdelt";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Fetch.Enabled)
        {
            return;
        }

        var interval = TimeSpan.FromMinutes(settings.Fetch.IntervalMinutes);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                var fetcher = new GdeltFetcher(httpClients.CreateClient(HttpClientName), settings.Gdelt.BaseUri, settings.DataDirectory, time);
                var report = await store.WriteAsync((events, ct) =>
                    fetcher.FetchAsync(today.AddDays(-1), today, events, IngestOptions.Default, cancellationToken: ct), stoppingToken);
                LogFetched(report.Downloaded.Count, report.Failed.Count, report.MissingSlots.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFetchFailed(ex, interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GDELT fetch: {Downloaded} downloaded, {Failed} failed, {Missing} missing slots")]
    private partial void LogFetched(int downloaded, int failed, int missing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GDELT fetch failed; next attempt in {Interval}")]
    private partial void LogFetchFailed(Exception exception, TimeSpan interval);
}
