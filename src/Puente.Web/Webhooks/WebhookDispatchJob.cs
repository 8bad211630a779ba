using Quartz;

namespace Puente.Web.Webhooks;

/// <summary>
/// Sends the due webhook deliveries every <c>Puente:Webhooks:DispatchIntervalSeconds</c> when <c>Puente:Webhooks:Enabled</c>:
/// once per fire across the cluster, never two runs at once; each delivery is also claimed before it is sent, so a run
/// by hand (<c>IJobRunner</c>) beside it does not send it twice (decision 0034).
/// </summary>
[DisallowConcurrentExecution]
public sealed class WebhookDispatchJob(WebhookDispatcher dispatcher) : IJob
{
    public const string Name = "webhook-dispatch";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.DispatchAsync(cancellationToken);
}
