using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Puente.Web.Tests.Infrastructure;

/// <summary>What a mail test application has besides Puente: a real SMTP server, a clock the test moves, and every log
/// entry.</summary>
public sealed class MailRig : IAsyncDisposable
{
    public SmtpTestServer Smtp { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2031, 3, 3, 9, 0, 0, TimeSpan.Zero));

    public LogCapture Logs { get; } = new();

    /// <summary>Three attempts, so that a test can reach the last one.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings() => [.. Smtp.Settings(), new("Puente:Mail:MaxAttempts", "3")];

    public void Configure(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging(b => b.AddProvider(Logs).AddFilter<LogCapture>(null, LogLevel.Trace));
    }

    public ValueTask DisposeAsync() => Smtp.DisposeAsync();
}

public sealed class SqliteMailApp : SqliteApp, IMailApp
{
    public MailRig Mail { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => Mail.Settings();

    protected override void ConfigureServices(IServiceCollection services) => Mail.Configure(services);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

public sealed class PostgresMailApp : PostgresApp, IMailApp
{
    public MailRig Mail { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() => Mail.Settings();

    protected override void ConfigureServices(IServiceCollection services) => Mail.Configure(services);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

/// <summary>A test application with a <see cref="MailRig"/>.</summary>
public interface IMailApp
{
    MailRig Mail { get; }
}
