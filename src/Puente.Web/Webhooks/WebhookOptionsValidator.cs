using Microsoft.Extensions.Options;

namespace Puente.Web.Webhooks;

/// <summary>Checks <see cref="WebhookOptions"/> at start; every message names its key.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public const int MaxAllowedHosts = 20;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string key = WebhookOptions.SectionName;
        var failures = new List<string>();
        Range(failures, "DispatchIntervalSeconds", options.DispatchIntervalSeconds, 10, 3600);
        Range(failures, "MaxAttempts", options.MaxAttempts, 1, 20);
        Range(failures, "RetriesPerRun", options.RetriesPerRun, 0, 5);
        Range(failures, "RetryDelayMilliseconds", options.RetryDelayMilliseconds, 0, 60_000);
        Range(failures, "AttemptTimeoutSeconds", options.AttemptTimeoutSeconds, 1, 120);
        Range(failures, "TotalTimeoutSeconds", options.TotalTimeoutSeconds, 1, 300);
        Range(failures, "MaxAgeHours", options.MaxAgeHours, 1, 720);
        if (options.TotalTimeoutSeconds < options.AttemptTimeoutSeconds)
        {
            failures.Add($"{key}:TotalTimeoutSeconds ({options.TotalTimeoutSeconds}) must be at least {key}:AttemptTimeoutSeconds ({options.AttemptTimeoutSeconds}).");
        }

        if (options.Hosts.Count > MaxAllowedHosts)
        {
            failures.Add($"{key}:AllowedHosts lists {options.Hosts.Count} hosts; at most {MaxAllowedHosts}.");
        }

        foreach (var host in options.Hosts)
        {
            var bare = (host ?? "").Trim().TrimStart('[').TrimEnd(']');
            if (bare.Length is 0 or > 253 || Uri.CheckHostName(bare) == UriHostNameType.Unknown)
            {
                failures.Add($"{key}:AllowedHosts must list host names or IP addresses, not '{host}'.");
            }
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    private static void Range(List<string> failures, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{WebhookOptions.SectionName}:{name} must be from {min} to {max}, not {value}.");
        }
    }
}
