using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Puente.Web.Scheduling;

/// <summary>Registers the scheduler and the periodic jobs of the web host (docs/decisions/0040-scheduler.md).</summary>
public static class PuenteScheduling
{
    /// <summary>
    /// Binds and validates <see cref="SchedulerOptions"/> (<c>Puente:Scheduler</c>) and registers the node's scheduler
    /// as a hosted service and <see cref="IJobRunner"/>. Call it after the start-up that migrates the database: hosted
    /// services start in the order they were added. The CLI does not call it, so it never runs a job.
    /// </summary>
    public static IServiceCollection AddPuenteScheduler(this IServiceCollection services)
    {
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>());
        services.TryAddSingleton<PuenteScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<PuenteScheduler>());
        services.TryAddSingleton<IJobRunner, JobRunner>();
        return services;
    }

    /// <summary>
    /// Registers a periodic job: <typeparamref name="TJob"/> (a Quartz <see cref="IJob"/>; mark it
    /// <see cref="DisallowConcurrentExecutionAttribute"/>) runs every <paramref name="interval"/>, once per fire across
    /// the cluster, in a scope of its own that reads as the system. <paramref name="interval"/> is read when the host
    /// starts (options are bound by then); null leaves the job unscheduled. <paramref name="name"/> is its key in the
    /// store: keep it stable. The job is also registered (scoped) so that <see cref="IJobRunner"/> can run it.
    /// </summary>
    /// <example><code>services.AddScheduledJob&lt;CommitmentReminderJob&gt;("commitment-reminders", _ =&gt; TimeSpan.FromHours(1));</code></example>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, string name, Func<IServiceProvider, TimeSpan?> interval)
        where TJob : class, IJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(interval);
        services.TryAddScoped<TJob>();
        services.AddSingleton(new ScheduledJob(name, typeof(TJob), interval));
        return services;
    }
}
