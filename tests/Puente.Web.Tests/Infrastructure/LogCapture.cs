using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Puente.Web.Tests.Infrastructure;

/// <summary>Keeps every log entry of a host, at every level, with its exception, to check what is (not) logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public string All => string.Join("\n", Entries);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
