using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Puente.Data.Access;
using Puente.Web.Scheduling;
using Quartz;

namespace Puente.Web.Tests.Infrastructure;

/// <summary>What the probe job saw each time it ran in one application.</summary>
public sealed class ProbeRuns
{
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<bool> RanAsSystem { get; } = new();

    /// <summary>Completes when the job has run once.</summary>
    public Task First => _first.Task;

    public void Add(bool asSystem)
    {
        RanAsSystem.Enqueue(asSystem);
        _first.TrySetResult();
    }
}

/// <summary>A job for tests: notes that it ran, and whether its scope read as the system.</summary>
[DisallowConcurrentExecution]
public sealed class ProbeJob(ProbeRuns runs, ViewerContext viewer) : IJob
{
    public const string Name = "test-probe";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        runs.Add(viewer.Viewer.IsSystem);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A test application whose scheduler runs, with <see cref="ProbeJob"/> scheduled hourly (so: once, at start).</summary>
public interface ISchedulerApp
{
    ProbeRuns Runs { get; }
}

public sealed class SqliteSchedulerApp : SqliteApp, ISchedulerApp
{
    public ProbeRuns Runs { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => [new("Puente:Scheduler:Enabled", "true")];

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Runs);
        services.AddScheduledJob<ProbeJob>(ProbeJob.Name, _ => TimeSpan.FromHours(1));
    }
}

public sealed class PostgresSchedulerApp : PostgresApp, ISchedulerApp
{
    public ProbeRuns Runs { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => [new("Puente:Scheduler:Enabled", "true")];

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Runs);
        services.AddScheduledJob<ProbeJob>(ProbeJob.Name, _ => TimeSpan.FromHours(1));
    }
}
