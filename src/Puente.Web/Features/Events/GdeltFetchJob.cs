using Puente.Events.Fetch;
using Quartz;

namespace Puente.Web.Features.Events;

/// <summary>
/// The scheduled GDELT fetch as a Quartz job: every <c>Events:Fetch:IntervalMinutes</c> when <c>Events:Fetch:Enabled</c>,
/// once per fire across the cluster, never two at once (the event store has one writer per process anyway). The work
/// itself is <see cref="GdeltScheduledFetch"/> in Puente.Events, which knows nothing of Quartz (decision 0040).
/// </summary>
[DisallowConcurrentExecution]
public sealed class GdeltFetchJob(GdeltScheduledFetch fetch, Derived.DerivedIndicators derived) : IJob
{
    public const string Name = "gdelt-fetch";

    /// <summary>Fetches, then recomputes the derived indicators so that the event indicators follow the store (decision 0044).</summary>
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await fetch.RunAsync(cancellationToken);
        await derived.RefreshAsync(full: false, cancellationToken);
    }
}
