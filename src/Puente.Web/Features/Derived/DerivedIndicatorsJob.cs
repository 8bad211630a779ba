using Quartz;

namespace Puente.Web.Features.Derived;

/// <summary>
/// Recomputes the derived indicators every <c>Puente:Warning:DeriveMinutes</c> (default 15; 0 turns it off), once per fire
/// across the cluster (decision 0040). The GDELT fetch runs it too after it ingests, so event indicators follow the store.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DerivedIndicatorsJob(DerivedIndicators derived) : IJob
{
    public const string Name = "derived-indicators";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await derived.RefreshAsync(full: false, cancellationToken);

    /// <summary>The interval from configuration; null when turned off.</summary>
    public static TimeSpan? Interval(IConfiguration configuration)
    {
        var minutes = configuration.GetValue("Puente:Warning:DeriveMinutes", 15);
        return minutes <= 0 ? null : TimeSpan.FromMinutes(Math.Min(minutes, 24 * 60));
    }
}
