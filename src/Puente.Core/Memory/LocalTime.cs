using System.Globalization;
using Puente.Core.Text;

namespace Puente.Core.Memory;

/// <summary>Local times of a place and their instants (IANA zones, as the operating system's time-zone data has them).</summary>
public static class LocalTime
{
    public const int ZoneMaxLength = 64;

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>The zone for an IANA id ("America/Mexico_City"); null when unknown. Windows ids are refused.</summary>
    public static TimeZoneInfo? Zone(string? id)
    {
        id = id?.Trim();
        if (string.IsNullOrEmpty(id) || id.Length > ZoneMaxLength || !(id.Contains('/', StringComparison.Ordinal) || id == "UTC"))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    /// <summary>
    /// A local date (all day: local midnight) or a local date and time ("2025-03-01T10:00", seconds optional, or with a
    /// space), between <see cref="IsoDate.Earliest"/> and <see cref="IsoDate.Latest"/>, as forms, the API and the import
    /// take an engagement's start and end; null when it is neither.
    /// </summary>
    public static (DateTime Value, bool AllDay)? ParseLocal(string? text)
    {
        text = text?.Trim();
        if (IsoDate.TryParse(text, out var day))
        {
            return (day.ToDateTime(TimeOnly.MinValue), true);
        }

        return DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && IsoDate.TryParse(local.ToString(IsoDate.Format, CultureInfo.InvariantCulture), out _)
            ? (local, false)
            : null;
    }

    /// <summary>The UTC instant of a local time; null when the local time does not exist there (skipped by a clock change).</summary>
    public static DateTime? ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return zone.IsInvalidTime(unspecified) ? null : TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    /// <summary>The local time in <paramref name="zone"/> of a UTC instant, with its offset.</summary>
    public static DateTimeOffset InZone(DateTime utc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var u = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(u), zone);
    }
}
