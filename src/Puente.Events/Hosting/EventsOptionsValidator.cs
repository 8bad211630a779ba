using Microsoft.Extensions.Options;

namespace Puente.Events.Hosting;

/// <summary>Checks <see cref="EventsOptions"/> at start; every message names its configuration key and the bad value.</summary>
public sealed class EventsOptionsValidator : IValidateOptions<EventsOptions>
{
    public ValidateOptionsResult Validate(string? name, EventsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Fetch.IntervalMinutes is < 1 or > 1440)
        {
            failures.Add($"Events:Fetch:IntervalMinutes must be a number of minutes from 1 to 1440, not {options.Fetch.IntervalMinutes}.");
        }

        if (!Uri.TryCreate(options.Gdelt.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"Events:Gdelt:BaseUrl must be an absolute http or https URL, not '{options.Gdelt.BaseUrl}'.");
        }

        if (options.ReadWaitMilliseconds is < 0 or > 10_000)
        {
            failures.Add($"Events:ReadWaitMilliseconds must be from 0 to 10000, not {options.ReadWaitMilliseconds}.");
        }

        if (options.KeepOpenSeconds is < 0 or > 3600)
        {
            failures.Add($"Events:KeepOpenSeconds must be from 0 to 3600, not {options.KeepOpenSeconds}.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Puente:DataDirectory gave no data directory for the event store.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
