namespace Puente.Web.Scheduling;

/// <summary>
/// <c>Puente:Scheduler</c>: whether this web node runs the periodic jobs, and its name in the cluster
/// (docs/decisions/0040-scheduler.md). Checked at start by <see cref="SchedulerOptionsValidator"/>.
/// </summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Puente:Scheduler";

    /// <summary><c>Puente:Scheduler:Enabled</c>: on unless set to false. Off, this node runs no job (another node, or
    /// nobody, does); jobs can still be run on demand through <see cref="IJobRunner"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Puente:Scheduler:InstanceId</c>: this node's id in the cluster, unique per node; <c>AUTO</c> (the
    /// default) makes one from the host name and the start time. Letters, digits, '.', '-' and '_', at most 100.</summary>
    public string InstanceId { get; set; } = Auto;

    public const string Auto = "AUTO";

    public const int InstanceIdMaxLength = 100;
}
