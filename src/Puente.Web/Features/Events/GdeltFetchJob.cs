using Puente.Events.Fetch;
using Quartz;

namespace Puente.Web.Features.Events;

/// <summary>
/// The scheduled GDELT fetch as a Quartz job: every <c>Events:Fetch:IntervalMinutes</c> when <c>Events:Fetch:Enabled</c>,
/// once per fire across the cluster, never two at once (the event store has one writer per process anyway). The work
/// itself is <see cref="GdeltScheduledFetch"/> in Puente.Events, which knows nothing of Quartz (decision 0040).
/// </summary>
[DisallowConcurrentExecution]
public sealed class GdeltFetchJob(GdeltScheduledFetch fetch) : IJob
{
    public const string Name = "gdelt-fetch";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await fetch.RunAsync(cancellationToken);
}
