using System.Text.RegularExpressions;

namespace Puente.Web.Features.Calendar;

/// <summary>
/// Keeps feed secrets out of the logs. ASP.NET Core logs request paths (hosting's "Request starting …", routing,
/// status-code pages) at Information and Debug, before any middleware of ours runs; whoever turns those levels on (or
/// captures every level, as the tests do) would otherwise find every feed's secret in the log. This factory wraps the
/// host's: for the framework's categories, a message that names a feed path is written with the secret replaced by
/// <c>***</c> (the entry then carries the redacted text instead of its structured values). Our own code never logs it.
/// </summary>
public sealed partial class FeedSecretRedaction(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName.StartsWith("Microsoft.", StringComparison.Ordinal) || categoryName.StartsWith("System.", StringComparison.Ordinal)
            ? new Redacting(logger)
            : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>The text with every feed secret replaced.</summary>
    public static string Redact(string text) => text.Contains(CalendarApi.FeedPathPrefix, StringComparison.OrdinalIgnoreCase)
        ? FeedPath().Replace(text, "${prefix}***")
        : text;

    [GeneratedRegex(@"(?<!/api/v1)(?<prefix>/calendar/)[^/\s?#""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FeedPath();

    private sealed class Redacting(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            var redacted = Redact(message);
            if (ReferenceEquals(redacted, message) && !StateNamesFeed(state))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            inner.Log(logLevel, eventId, redacted, exception, static (text, _) => text);
        }

        /// <summary>Whether a structured value of the entry (a path, a URL) holds a feed path the message left out.</summary>
        private static bool StateNamesFeed<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> values
            && values.Any(v => v.Value is string s && s.Contains(CalendarApi.FeedPathPrefix, StringComparison.OrdinalIgnoreCase)
                || v.Value is PathString p && p.Value?.Contains(CalendarApi.FeedPathPrefix, StringComparison.OrdinalIgnoreCase) == true);
    }
}
