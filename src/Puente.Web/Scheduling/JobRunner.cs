using Puente.Core.Access;
using Puente.Data.Access;
using Quartz;
using Quartz.Extensibility;
using Quartz.Impl;

namespace Puente.Web.Scheduling;

/// <summary>Runs a job directly: a scope as the system, the job from it, a context as a fire by hand would have.</summary>
internal sealed class JobRunner(IServiceScopeFactory scopes, PuenteScheduler scheduler, TimeProvider time) : IJobRunner
{
    public async Task RunAsync<TJob>(CancellationToken ct)
        where TJob : class, IJob
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
        var job = ActivatorUtilities.GetServiceOrCreateInstance<TJob>(scope.ServiceProvider);
        var detail = JobBuilder.Create<TJob>().WithIdentity(typeof(TJob).Name, "on-demand").Build();
        var now = time.GetUtcNow();
        var trigger = (IOperableTrigger)TriggerBuilder.Create<TJob>(time).ForJob(detail).StartNow().Build();
        var bundle = new TriggerFiredBundle
        {
            JobDetail = detail, Trigger = trigger, Recovering = false, FireTimeUtc = now, ScheduledFireTimeUtc = now, PreviousFireTimeUtc = null, NextFireTimeUtc = null,
        };
        using var context = new JobExecutionContextImpl(await scheduler.ForContextsAsync(ct), bundle, job, new SystemTextJsonJobInputSerializer());
        await job.Execute(context, ct);
    }
}
