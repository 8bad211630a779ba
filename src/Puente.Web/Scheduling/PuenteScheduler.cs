using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Puente.Core.Access;
using Puente.Data.Access;
using Puente.Data.Configuration;
using Quartz;
using Quartz.Impl;

namespace Puente.Web.Scheduling;

/// <summary>
/// The node's Quartz scheduler (docs/decisions/0040-scheduler.md). Built when the host starts, after
/// <see cref="PuenteStartup"/> migrated the database (it is registered after it, and hosted services start in order),
/// because only then are the settings read and the <c>qrtz_</c> tables there: its jobs and triggers live in Puente's
/// database — on PostgreSQL clustered, so that each fire runs on one node; on SQLite (one process) not, which Quartz
/// requires. It schedules the registered <see cref="ScheduledJob"/>s (and removes those switched off), then starts.
/// With <c>Puente:Scheduler:Enabled</c> false it builds nothing.
/// </summary>
public sealed partial class PuenteScheduler(IServiceProvider services, IOptions<SchedulerOptions> options, IEnumerable<ScheduledJob> jobs,
    ILoggerFactory loggers, ILogger<PuenteScheduler> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The scheduler's name: the same on every node, which is what makes them one cluster.</summary>
    public const string Name = "Puente";

    /// <summary>Quartz's table prefix, lower case as the PostgreSQL schema folds names.</summary>
    public const string TablePrefix = "qrtz_";

    private readonly SemaphoreSlim _idleLock = new(1, 1);
    private StandaloneSchedulerFactory? _factory;
    private StandaloneSchedulerFactory? _idleFactory;
    private IScheduler? _idle;

    /// <summary>The running scheduler; null when this node runs none.</summary>
    public IScheduler? Scheduler { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled();
            return;
        }

        var settings = services.GetRequiredService<PuenteSettings>();
        var clustered = settings.Provider == DatabaseProvider.Postgres;
        _factory = QuartzSchedulerBuilder.Create(q =>
        {
            Common(q);
            q.ConfigureScheduler(s =>
            {
                if (!string.Equals(options.Value.InstanceId, SchedulerOptions.Auto, StringComparison.OrdinalIgnoreCase))
                {
                    s.InstanceId = options.Value.InstanceId;
                }
            });
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o => o.TablePrefix = TablePrefix);
                if (clustered)
                {
                    store.UsePostgres(NpgsqlFactory.Instance, settings.ConnectionString);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(SqliteFactory.Instance, settings.ConnectionString);
                }
                // Job data, if any, is stored with System.Text.Json: Quartz 4's built-in default serializer.
            });
        }).Build();
        var scheduler = await _factory.GetScheduler(cancellationToken);
        await ScheduleAsync(scheduler, cancellationToken);
        await scheduler.Start(cancellationToken);
        Scheduler = scheduler;
        LogStarted(scheduler.SchedulerInstanceId, clustered);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Scheduler is { } scheduler)
        {
            // Running jobs finish (the mail dispatcher marks what it sent) within the host's shutdown timeout.
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
            Scheduler = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_idleFactory is not null)
        {
            await _idleFactory.DisposeAsync();
        }

        _idleLock.Dispose();
    }

    /// <summary>
    /// The scheduler a job run by hand (<see cref="IJobRunner"/>) is told it runs under: the running one, or an idle,
    /// never started, in-memory one where this node runs none.
    /// </summary>
    internal async ValueTask<IScheduler> ForContextsAsync(CancellationToken ct)
    {
        if (Scheduler is { } running)
        {
            return running;
        }

        await _idleLock.WaitAsync(ct);
        try
        {
            if (_idle is null)
            {
                _idleFactory = QuartzSchedulerBuilder.Create(q =>
                {
                    Common(q);
                    q.ConfigureScheduler(s => s.InstanceName = Name + "-on-demand");
                    q.UseInMemoryStore();
                }).Build();
                _idle = await _idleFactory.GetScheduler(ct);
            }

            return _idle;
        }
        finally
        {
            _idleLock.Release();
        }
    }

    /// <summary>What both schedulers share: the name, the host's logging, and jobs from the host's container, each in a
    /// scope of its own that reads as the system (jobs act for no user).</summary>
    private void Common(IQuartzBuilder q)
    {
        // Quartz's log entries go to the host's logging (and its filters), through a provider: the scheduler's own
        // container keeps a logger factory of its own.
        q.Services.AddLogging(b => b.AddProvider(new HostLogging(loggers)));
        q.ConfigureScheduler(s => s.InstanceName = Name);
        q.UseJobFactory(new MicrosoftDependencyInjectionJobFactory(services, Options.Create(new JobFactoryOptions
        {
            ConfigureScope = (scope, _, _) => scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System,
        }), loggers));
    }

    /// <summary>
    /// Brings the store in line with this node's registrations: a job switched on is stored with its interval trigger
    /// (left alone if another node or an earlier start stored the same interval, so a rolling restart does not reset
    /// it); a job switched off is removed. Every node must be configured alike, or they undo each other at start.
    /// </summary>
    private async Task ScheduleAsync(IScheduler scheduler, CancellationToken ct)
    {
        foreach (var job in jobs)
        {
            var key = new JobKey(job.Name, ScheduledJob.Group);
            var triggerKey = new TriggerKey(job.Name, ScheduledJob.Group);
            if (job.Interval(services) is not { } interval)
            {
                if (await scheduler.DeleteJob(key, ct))
                {
                    LogUnscheduled(job.Name);
                }

                continue;
            }

            if (await scheduler.GetTrigger(triggerKey, ct) is ISimpleTrigger { RepeatInterval: var existing } && existing == interval
                && await scheduler.GetJobDetail(key, ct) is { } stored && stored.JobType.Type == job.JobType)
            {
                continue;
            }

            var detail = JobBuilder.Create().OfType(job.JobType).WithIdentity(key).Build();
            var trigger = TriggerBuilder.Create(TimeProvider.System).WithIdentity(triggerKey).ForJob(key).StartNow()
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()
                    // After the whole cluster was down, run once at once, then keep the interval.
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
                .Build();
            await scheduler.ScheduleJob(detail, [trigger], new ScheduleJobOptions { Replace = true }, ct);
            LogScheduled(job.Name, interval);
        }
    }

    /// <summary>Hands every logger the scheduler's container asks for to the host's logger factory.</summary>
    private sealed class HostLogging(ILoggerFactory host) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => host.CreateLogger(categoryName);

        public void Dispose()
        {
            // The host owns its factory.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler: off on this node (Puente:Scheduler:Enabled is false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler: started as {InstanceId}; clustered: {Clustered}")]
    private partial void LogStarted(string instanceId, bool clustered);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler: {Job} every {Interval}")]
    private partial void LogScheduled(string job, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler: {Job} switched off and removed")]
    private partial void LogUnscheduled(string job);
}
