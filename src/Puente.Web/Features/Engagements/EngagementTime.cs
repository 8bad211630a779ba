using System.Globalization;
using Puente.Core.Memory;

namespace Puente.Web.Features.Engagements;

/// <summary>
/// How the pages write when an engagement took place: in the place's zone (with the zone's name) and, when it differs,
/// in the reader's. An all-day engagement is a date or a span of dates, the same everywhere.
/// </summary>
public static class EngagementTime
{
    /// <summary>In the place's zone: "3/1/2025 10:00 AM – 12:00 PM (America/Mexico_City)", or dates when all-day.</summary>
    public static string Place(DateTime startUtc, DateTime endUtc, bool allDay, string timeZone, CultureInfo culture)
    {
        var zone = LocalTime.Zone(timeZone) ?? TimeZoneInfo.Utc;
        var span = Span(LocalTime.InZone(startUtc, zone), LocalTime.InZone(endUtc, zone), allDay, culture);
        return allDay ? span : $"{span} ({zone.Id})";
    }

    /// <summary>In the reader's zone, with its name; null when all-day or when the reader's clock reads the same as the place's.</summary>
    public static string? Reader(DateTime startUtc, DateTime endUtc, bool allDay, string timeZone, ReaderTimeZone reader, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var zone = LocalTime.Zone(timeZone) ?? TimeZoneInfo.Utc;
        if (allDay || zone.Id == reader.Zone.Id || LocalTime.InZone(startUtc, zone).Offset == reader.InZone(startUtc).Offset)
        {
            return null;
        }

        return $"{Span(reader.InZone(startUtc), reader.InZone(endUtc), allDay: false, culture)} ({reader.Name})";
    }

    /// <summary>For lists: the start in the reader's zone (a date alone when all-day, as the place kept it).</summary>
    public static string ListStart(DateTime startUtc, bool allDay, string timeZone, ReaderTimeZone reader, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return allDay
            ? LocalTime.InZone(startUtc, LocalTime.Zone(timeZone) ?? TimeZoneInfo.Utc).ToString("d", culture)
            : reader.InZone(startUtc).ToString("g", culture);
    }

    private static string Span(DateTimeOffset start, DateTimeOffset end, bool allDay, CultureInfo culture)
    {
        if (allDay)
        {
            return end.Date > start.Date ? $"{start.ToString("d", culture)} – {end.ToString("d", culture)}" : start.ToString("d", culture);
        }

        if (end <= start)
        {
            return start.ToString("g", culture);
        }

        return end.Date == start.Date
            ? $"{start.ToString("g", culture)} – {end.ToString("t", culture)}"
            : $"{start.ToString("g", culture)} – {end.ToString("g", culture)}";
    }
}
