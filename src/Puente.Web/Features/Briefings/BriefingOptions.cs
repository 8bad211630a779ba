using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Puente.Web.Features.Briefings;

/// <summary>
/// <c>Puente:Briefings</c>: the browser that prints briefings as PDF (decision 0055). Without <see cref="ChromiumPath"/>
/// briefings are still served as HTML, and a PDF request answers 503 saying what to set. Checked at start.
/// </summary>
public sealed class BriefingOptions
{
    public const string SectionName = "Puente:Briefings";

    /// <summary><c>Puente:Briefings:ChromiumPath</c>: the Chromium or Chrome executable (e.g. <c>/usr/bin/chromium</c>);
    /// empty: no PDF. Puente never downloads a browser.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary><c>Puente:Briefings:MaxConcurrentRenders</c>: PDFs printed at once, 1–16 (2); later requests wait.</summary>
    [Range(1, 16)]
    public int MaxConcurrentRenders { get; set; } = 2;

    /// <summary><c>Puente:Briefings:TimeoutSeconds</c>: how long one PDF may take, waiting included, 5–300 (30).</summary>
    [Range(5, 300)]
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Names the key of each bad setting.</summary>
public sealed class BriefingOptionsValidator : IValidateOptions<BriefingOptions>
{
    public ValidateOptionsResult Validate(string? name, BriefingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ChromiumPath) && !File.Exists(options.ChromiumPath))
        {
            failures.Add($"{BriefingOptions.SectionName}:ChromiumPath names '{options.ChromiumPath}', which is not a file: give the path of a Chromium executable, or leave it empty to serve briefings without PDF.");
        }

        if (options.MaxConcurrentRenders is < 1 or > 16)
        {
            failures.Add($"{BriefingOptions.SectionName}:MaxConcurrentRenders must be 1–16.");
        }

        if (options.TimeoutSeconds is < 5 or > 300)
        {
            failures.Add($"{BriefingOptions.SectionName}:TimeoutSeconds must be 5–300.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Registers the briefings: settings (validated at start), the service, and the one PDF printer of the process.</summary>
public static class BriefingServices
{
    public static IServiceCollection AddBriefings(this IServiceCollection services)
    {
        services.AddOptions<BriefingOptions>().BindConfiguration(BriefingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BriefingOptions>, BriefingOptionsValidator>();
        services.AddScoped<BriefingService>();
        services.AddSingleton<BriefingPdf>();
        return services;
    }
}
