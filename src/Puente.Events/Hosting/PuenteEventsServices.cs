using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Puente.Data.Configuration;
using Puente.Events.Fetch;
using Puente.Events.Store;

namespace Puente.Events.Hosting;

/// <summary>Registers the event store, its queries and the scheduled GDELT fetch (decisions 0012, 0040).</summary>
public static class PuenteEventsServices
{
    /// <summary>
    /// Binds and validates <see cref="EventsOptions"/> from the <c>Events</c> section (bad values stop the start, naming
    /// the key), and registers one <see cref="EventStoreAccess"/> for the process, <see cref="EventQueries"/>, the
    /// <c>gdelt</c> HTTP client and <see cref="GdeltScheduledFetch"/>, which the web host's scheduler runs when
    /// <c>Events:Fetch:Enabled</c> (nothing here runs on its own).
    /// </summary>
    public static IServiceCollection AddPuenteEvents(this IServiceCollection services)
    {
        // As AddPuenteData registers them, so that the events can also be added on their own (tests, tools).
        services.TryAddSingleton(sp => PuenteSettings.Load(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<EventsOptions>()
            .BindConfiguration(EventsOptions.SectionName)
            .Configure<PuenteSettings>((options, settings) => options.DataDirectory = settings.DataDirectory)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventsOptions>, EventsOptionsValidator>());

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EventsOptions>>().Value;
            return new EventStoreAccess(options.StorePath, sp.GetRequiredService<TimeProvider>(),
                TimeSpan.FromMilliseconds(options.ReadWaitMilliseconds), TimeSpan.FromSeconds(options.KeepOpenSeconds));
        });
        services.TryAddSingleton<EventQueries>();
        services.AddHttpClient(GdeltScheduledFetch.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(5));
        services.TryAddSingleton<GdeltScheduledFetch>();
        return services;
    }
}
