using Quartz;

namespace Puente.Web.Mail;

/// <summary>
/// Sends the due messages of the outbox every <c>Puente:Mail:DispatchIntervalSeconds</c> when <c>Puente:Mail:Enabled</c>:
/// once per fire across the cluster, never two runs at once; each message is also claimed before it is sent, so a run
/// by hand (<c>IJobRunner</c>) beside it does not send it twice (decision 0041).
/// </summary>
[DisallowConcurrentExecution]
public sealed class MailDispatchJob(MailDispatcher dispatcher) : IJob
{
    public const string Name = "mail-dispatch";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.DispatchAsync(cancellationToken);
}
