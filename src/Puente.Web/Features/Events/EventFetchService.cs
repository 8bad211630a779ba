using Puente.Data.Configuration;
using Puente.Events.Fetch;
using Puente.Events.Store;

namespace Puente.Web.Features.Events;

/// <summary>
/// When <c>Events:Fetch:Enabled</c> is true, fetches GDELT 2.0 event files every <c>Events:Fetch:IntervalMinutes</c>
/// (default 15) for yesterday and today, exactly as <c>puente events fetch</c> does. Reads of the event store wait for it.
/// </summary>
public sealed class EventFetchService(IConfiguration configuration, PuenteSettings settings, TimeProvider time, ILogger<EventFetchService> logger,
    IHttpClientFactory httpClients) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>("Events:Fetch:Enabled"))
        {
            return;
        }

        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Events:Fetch:IntervalMinutes", 15)));
        var baseUrl = new Uri((configuration["Events:Gdelt:BaseUrl"] ?? GdeltFetcher.DefaultBaseUrl).TrimEnd('/') + "/");
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                await EventData.Gate.WaitAsync(stoppingToken);
                try
                {
                    using var store = EventStore.Open(Path.Combine(settings.DataDirectory, EventStore.FileName));
                    var fetcher = new GdeltFetcher(httpClients.CreateClient("gdelt"), baseUrl, settings.DataDirectory, time);
                    var report = await fetcher.FetchAsync(today.AddDays(-1), today, store, IngestOptions.Default, cancellationToken: stoppingToken);
                    logger.LogInformation("GDELT fetch: {Downloaded} downloaded, {Failed} failed, {Missing} missing slots",
                        report.Downloaded.Count, report.Failed.Count, report.MissingSlots.Count);
                }
                finally
                {
                    EventData.Gate.Release();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "GDELT fetch failed; next attempt in {Interval}", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
