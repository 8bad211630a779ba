using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Puente.Web.Mail;

/// <summary>Checks <see cref="MailOptions"/> at start; every message names its key (and never shows the password).</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    internal static readonly string[] SecurityValues = ["none", "starttls", "ssl"];

    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string key = MailOptions.SectionName;
        var failures = new List<string>();
        if (!SecurityValues.Contains(options.Security, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{key}:Security must be none, starttls or ssl, not '{options.Security}'.");
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"{key}:Port must be a port from 1 to 65535 (or 0 for the usual port), not {options.Port}.");
        }

        Range(failures, "DispatchIntervalSeconds", options.DispatchIntervalSeconds, 10, 3600);
        Range(failures, "MaxAttempts", options.MaxAttempts, 1, 20);
        Range(failures, "MaxAgeHours", options.MaxAgeHours, 1, 720);
        Range(failures, "TimeoutSeconds", options.TimeoutSeconds, 1, 300);
        if (options.FromName.Length > 100 || options.FromName.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            failures.Add($"{key}:FromName must be one line of at most 100 characters.");
        }

        if (!string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{key}:Password is required when {key}:UserName is set.");
        }

        if (string.IsNullOrEmpty(options.UserName) && !string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{key}:UserName is required when {key}:Password is set.");
        }

        if (options.Enabled)
        {
            if (string.IsNullOrWhiteSpace(options.Host) || Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
            {
                failures.Add($"{key}:Host must name the SMTP server (a host name or an IP address) when {key}:Enabled is true, not '{options.Host}'.");
            }

            if (string.IsNullOrWhiteSpace(options.From) || !MailAddress.TryCreate(options.From, out var from) || from.Address != options.From)
            {
                failures.Add($"{key}:From must be the sender's e-mail address when {key}:Enabled is true, not '{options.From}'.");
            }
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    private static void Range(List<string> failures, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{MailOptions.SectionName}:{name} must be from {min} to {max}, not {value}.");
        }
    }
}
