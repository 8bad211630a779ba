using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Puente.Web.Tests.Infrastructure;

/// <summary>What a webhook test application has besides Puente: a real HTTP receiver on loopback (allowed by
/// <c>Puente:Webhooks:AllowedHosts</c>, as an administrator would allow a local receiver), a clock the test moves, and
/// every log entry.</summary>
public sealed class WebhookRig : IAsyncDisposable
{
    public WebhookReceiver Receiver { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2031, 3, 3, 9, 0, 0, TimeSpan.Zero));

    public LogCapture Logs { get; } = new();

    /// <summary>Three runs per delivery, two requests per run, no wait between them (the clock is the test's: a real
    /// wait would never end), and the receiver's host allowed.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Puente:Webhooks:MaxAttempts", "3"),
        new("Puente:Webhooks:RetriesPerRun", "1"),
        new("Puente:Webhooks:RetryDelayMilliseconds", "0"),
        new("Puente:Webhooks:AllowedHosts:0", "127.0.0.1"),
    ];

    public void Configure(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging(b => b.AddProvider(Logs).AddFilter<LogCapture>(null, LogLevel.Trace));
    }

    public ValueTask DisposeAsync() => Receiver.DisposeAsync();
}

public sealed class SqliteWebhookApp : SqliteApp, IWebhookApp
{
    public WebhookRig Hooks { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => WebhookRig.Settings();

    protected override void ConfigureServices(IServiceCollection services) => Hooks.Configure(services);

    public override async ValueTask InitializeAsync()
    {
        await Hooks.Receiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Hooks.DisposeAsync();
    }
}

public sealed class PostgresWebhookApp : PostgresApp, IWebhookApp
{
    public WebhookRig Hooks { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => WebhookRig.Settings();

    protected override void ConfigureServices(IServiceCollection services) => Hooks.Configure(services);

    public override async ValueTask InitializeAsync()
    {
        await Hooks.Receiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Hooks.DisposeAsync();
    }
}

/// <summary>A test application with a <see cref="WebhookRig"/>.</summary>
public interface IWebhookApp
{
    WebhookRig Hooks { get; }
}
