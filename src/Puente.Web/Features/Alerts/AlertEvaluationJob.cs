using Microsoft.Extensions.Options;
using Puente.Data.Warning;
using Puente.Web.Features.Notifications;
using Puente.Web.Scheduling;
using Quartz;

namespace Puente.Web.Features.Alerts;

/// <summary><c>Puente:Alerts</c>: how often every indicator is evaluated on a schedule (besides whenever values arrive).</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Puente:Alerts";

    /// <summary><c>Puente:Alerts:Enabled</c>: the scheduled evaluation, on unless set to false (values that arrive are
    /// evaluated either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Puente:Alerts:IntervalMinutes</c>: 1–1,440 (60).</summary>
    public int IntervalMinutes { get; set; } = 60;
}

/// <summary>Checks <see cref="AlertOptions"/> at start, naming the key.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.IntervalMinutes is < 1 or > 1440
            ? ValidateOptionsResult.Fail("Puente:Alerts:IntervalMinutes must be from 1 to 1440.")
            : ValidateOptionsResult.Success;
    }
}

/// <summary>Registers the alerts of the web host: settings (validated at start), the scheduled evaluation, the
/// notifications' source and the service the pages and the API use.</summary>
public static class AlertServices
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        services.AddScoped<AlertService>();
        services.AddScoped<INotificationSource, AlertNotificationSource>();
        services.AddScheduledJob<AlertEvaluationJob>(AlertEvaluationJob.Name, sp => sp.GetRequiredService<IOptions<AlertOptions>>().Value is { Enabled: true } a
            ? TimeSpan.FromMinutes(a.IntervalMinutes)
            : null);
        return services;
    }
}

/// <summary>Evaluates every indicator every <c>Puente:Alerts:IntervalMinutes</c>, once per fire across the cluster: what
/// arrived while an evaluation failed, or a change of detectors, is caught up.</summary>
[DisallowConcurrentExecution]
public sealed class AlertEvaluationJob(AlertEvaluator evaluator, ILogger<AlertEvaluationJob> log) : IJob
{
    public const string Name = "alert-evaluation";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var result = await evaluator.EvaluateAllAsync(cancellationToken);
        log.LogInformation("Alert evaluation: {Indicators} indicators, {Opened} alerts opened, {Changed} changed", result.Indicators, result.Opened, result.Changed);
    }
}
