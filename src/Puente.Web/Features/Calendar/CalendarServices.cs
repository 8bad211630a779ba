using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Puente.Web.Features.Calendar;

/// <summary>The calendar feature's services, and the logging wrapper that keeps feed secrets out of every log.</summary>
public static class CalendarServices
{
    public static IServiceCollection AddCalendarFeeds(this IServiceCollection services)
    {
        services.AddScoped<FollowService>();
        services.AddScoped<CalendarFeedService>();
        // Wrap the host's logger factory (registered by AddLogging) so that every logger it makes, for every provider
        // added before or after this call, writes through the redaction.
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new FeedSecretRedaction(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(), sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(), sp.GetService<IExternalScopeProvider>()))));
        return services;
    }
}
