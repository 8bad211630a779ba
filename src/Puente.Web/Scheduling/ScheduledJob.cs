namespace Puente.Web.Scheduling;

/// <summary>
/// A periodic job, as <see cref="PuenteScheduling.AddScheduledJob{TJob}"/> registers it: its name (the Quartz job and
/// trigger key, group "puente") and, read at start from the configuration, how often it runs (null: not scheduled, and
/// removed from the store if an earlier start scheduled it).
/// </summary>
public sealed record ScheduledJob(string Name, Type JobType, Func<IServiceProvider, TimeSpan?> Interval)
{
    public const string Group = "puente";
}
