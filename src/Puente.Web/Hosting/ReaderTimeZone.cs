using Puente.Core.Memory;

namespace Puente.Web.Hosting;

/// <summary>
/// The reader's time zone, as the browser reports it in the <see cref="CookieName"/> cookie (wwwroot/js/timezone.js).
/// The server keeps no zone per user: an unknown or missing zone falls back to UTC, and pages say which zone they use.
/// </summary>
public sealed record ReaderTimeZone(TimeZoneInfo Zone, string Name)
{
    public const string CookieName = "puente-tz";

    public static ReaderTimeZone Utc { get; } = new(TimeZoneInfo.Utc, "UTC");

    /// <summary>The zone the request's cookie names, validated as an IANA id; UTC when none or unknown.</summary>
    public static ReaderTimeZone From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return LocalTime.Zone(request.Cookies[CookieName]) is { } zone ? new ReaderTimeZone(zone, zone.Id) : Utc;
    }

    /// <summary>A UTC instant in the reader's zone.</summary>
    public DateTimeOffset InZone(DateTime utc) => LocalTime.InZone(utc, Zone);
}
