using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Puente.Web.Scheduling;

namespace Puente.Web.Webhooks;

/// <summary>Registers the webhook settings, secrets, client, dispatcher and its job (docs/decisions/0034-webhooks.md).</summary>
public static class PuenteWebhooks
{
    /// <summary>
    /// Binds and validates <see cref="WebhookOptions"/> (<c>Puente:Webhooks</c>); registers the named client deliveries go
    /// through — no redirects, no proxy, the address policy at connection time, a total timeout, repeats of transient
    /// failures with exponential backoff and jitter, a timeout per request, each request signed and logged — and schedules
    /// <see cref="WebhookDispatchJob"/> every <c>DispatchIntervalSeconds</c> when webhooks are enabled. The outbox itself
    /// (<c>IWebhookOutbox</c>) is Puente.Data's.
    /// </summary>
    public static IServiceCollection AddPuenteWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton<WebhookSecrets>();
        services.TryAddScoped<WebhookDispatcher>();
        services.TryAddScoped<Features.Admin.Webhooks.WebhookService>();
        services.TryAddTransient<WebhookAttemptHandler>();
        var client = services.AddHttpClient(WebhookDispatcher.ClientName)
            // Header values are never logged (the signature is not the secret, but no log needs it).
            .RedactLoggedHeaders(_ => true)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowed = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Hosts;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    // A proxy would connect on our behalf, past the address check.
                    UseProxy = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectCallback = (context, ct) => WebhookConnector.ConnectAsync(context.DnsEndPoint, allowed, ct),
                };
            });
        // Handlers run in the order added: the pipeline outside, the signing and logging of each request inside it.
        client.AddResilienceHandler("delivery", (pipeline, context) =>
        {
            var settings = context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value;
            pipeline.AddTimeout(TimeSpan.FromSeconds(settings.TotalTimeoutSeconds));
            if (settings.RetriesPerRun > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.RetriesPerRun,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(settings.RetryDelayMilliseconds),
                    // Transient (5xx, 408, 429, no connection, a request timeout), but not the address policy's refusal.
                    ShouldHandle = args => args.Outcome.Exception is { } e && Refused(e)
                        ? ValueTask.FromResult(false)
                        : ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                });
            }

            pipeline.AddTimeout(TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds));
        });
        client.AddHttpMessageHandler<WebhookAttemptHandler>();
        services.AddScheduledJob<WebhookDispatchJob>(WebhookDispatchJob.Name, sp => sp.GetRequiredService<IOptions<WebhookOptions>>().Value is { Enabled: true } hooks
            ? TimeSpan.FromSeconds(hooks.DispatchIntervalSeconds)
            : null);
        return services;
    }

    private static bool Refused(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is WebhookAddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }
}
