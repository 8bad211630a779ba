namespace Puente.Data.Calendar;

/// <summary>
/// A user's calendar feed: the SHA-256 of the secret in its URL (the secret itself is shown once and never stored), and
/// the language the feed is written in unless the URL names one. At most one per user: renewing replaces it, revoking
/// deletes it. Read by its owner (the context's filter) and, by hash only, by the anonymous feed endpoint.
/// </summary>
public sealed class CalendarFeedToken
{
    /// <summary>Characters of <see cref="TokenHash"/> (hex SHA-256).</summary>
    public const int HashLength = 64;

    public required string UserId { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>"en" or "es".</summary>
    public required string Language { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
