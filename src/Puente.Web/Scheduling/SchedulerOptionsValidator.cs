using Microsoft.Extensions.Options;

namespace Puente.Web.Scheduling;

/// <summary>Checks <see cref="SchedulerOptions"/> at start; every message names its key and the bad value.</summary>
public sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = options.InstanceId;
        if (string.IsNullOrWhiteSpace(id) || id.Length > SchedulerOptions.InstanceIdMaxLength
            || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            return ValidateOptionsResult.Fail(
                $"{SchedulerOptions.SectionName}:InstanceId must be AUTO or 1 to {SchedulerOptions.InstanceIdMaxLength} letters, digits, '.', '-' or '_', not '{id}'.");
        }

        return ValidateOptionsResult.Success;
    }
}
