using Quartz;

namespace Puente.Web.Scheduling;

/// <summary>
/// Runs a job once, now, in this process, whether or not the scheduler runs here: for tests (deterministic, no
/// waiting for a trigger) and maintenance. It does not go through the cluster, so the job may run at the same moment
/// on a node; every Puente job tolerates that (the fetch writes through the store's one writer, the dispatcher claims
/// each message).
/// </summary>
public interface IJobRunner
{
    /// <summary>Runs <typeparamref name="TJob"/> in a scope of its own that reads as the system, as the scheduler runs
    /// it, and returns when it has finished; its exception, if any, is thrown.</summary>
    Task RunAsync<TJob>(CancellationToken ct)
        where TJob : class, IJob;
}
