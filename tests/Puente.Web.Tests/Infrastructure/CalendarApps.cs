using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Puente.Web.Tests.Infrastructure;

/// <summary>A calendar test application: a clock the test sets (a winter day, before the U.S. clock change) and every
/// log entry at every level, to show that no feed secret is written.</summary>
public interface ICalendarApp
{
    FakeTimeProvider Clock { get; }

    LogCapture Logs { get; }
}

public sealed class SqliteCalendarApp : SqliteApp, ICalendarApp
{
    public FakeTimeProvider Clock { get; } = new(CalendarClock.Start);

    public LogCapture Logs { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => CalendarClock.Configure(services, Clock, Logs);
}

public sealed class PostgresCalendarApp : PostgresApp, ICalendarApp
{
    public FakeTimeProvider Clock { get; } = new(CalendarClock.Start);

    public LogCapture Logs { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => CalendarClock.Configure(services, Clock, Logs);
}

public static class CalendarClock
{
    /// <summary>10 January 2026, noon UTC. In the past of the machine's clock: Ical.Net writes a zone's VTIMEZONE from
    /// the rules between the earliest day asked for and the system's now, which must not come first.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    public static void Configure(IServiceCollection services, FakeTimeProvider clock, LogCapture logs)
    {
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging(b => b.AddProvider(logs).AddFilter<LogCapture>(null, LogLevel.Trace));
    }
}
