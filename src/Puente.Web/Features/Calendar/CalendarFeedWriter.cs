using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Puente.Core.Localization;

namespace Puente.Web.Features.Calendar;

/// <summary>
/// Writes a feed's items as iCalendar (RFC 5545, through Ical.Net): an engagement with an hour as a timed event in its
/// place's zone (TZID with that zone's VTIMEZONE; decision 0024), an all-day one and a commitment's due date as all-day
/// events; each with a stable UID, the record's page as URL, its version as SEQUENCE and its last change as DTSTAMP.
/// </summary>
public static class CalendarFeedWriter
{
    private const int DescriptionMaxLength = 1000;

    public static string Write(CalendarFeedService.Items items, Uri site, DateTime from, IStringLocalizer t, CultureInfo culture)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Puente//Calendar feed//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", t["Puente: what I follow"]);
        foreach (var zone in items.Engagements.Where(e => !e.AllDay && !IsUtc(e.TimeZone)).Select(e => e.TimeZone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            calendar.AddTimeZone(zone, from, includeHistoricalData: false);
        }

        foreach (var e in items.Engagements)
        {
            var description = string.Join("\n", new[]
            {
                t["Kind." + e.Kind].Value,
                Clip(Bilingual.Pick(e.DescriptionEn, e.DescriptionEs, culture)),
            }.Where(s => s.Length > 0));
            var ev = Event($"engagement-{e.Id}@puente", Bilingual.Pick(e.NameEn, e.NameEs, culture), description,
                new Uri(site, FollowService.UrlOf(Data.Calendar.FollowSubject.Engagement, e.Id, e.Code).TrimStart('/')), e.UpdatedAt, e.Version);
            ev.Location = e.Place.Length > 0 ? e.Place : null;
            if (e.AllDay)
            {
                ev.DtStart = new CalDateTime(DateOnly.FromDateTime(e.StartLocal));
                ev.DtEnd = new CalDateTime(DateOnly.FromDateTime(e.EndLocal).AddDays(1));
            }
            else if (IsUtc(e.TimeZone))
            {
                ev.DtStart = new CalDateTime(DateTime.SpecifyKind(e.StartUtc, DateTimeKind.Utc), "UTC", hasTime: true);
                ev.DtEnd = new CalDateTime(DateTime.SpecifyKind(e.EndUtc, DateTimeKind.Utc), "UTC", hasTime: true);
            }
            else
            {
                ev.DtStart = new CalDateTime(DateTime.SpecifyKind(e.StartLocal, DateTimeKind.Unspecified), e.TimeZone, hasTime: true);
                ev.DtEnd = new CalDateTime(DateTime.SpecifyKind(e.EndLocal, DateTimeKind.Unspecified), e.TimeZone, hasTime: true);
            }

            calendar.Events.Add(ev);
        }

        foreach (var c in items.Commitments)
        {
            var description = string.Join("\n", new[]
            {
                t["Status: {0}", t["CommitmentStatus." + c.Status].Value].Value,
                Clip(Bilingual.Pick(c.DescriptionEn, c.DescriptionEs, culture)),
            }.Where(s => s.Length > 0));
            var ev = Event($"commitment-{c.Id}@puente", t["Due: {0}", Bilingual.Pick(c.NameEn, c.NameEs, culture)], description,
                new Uri(site, FollowService.UrlOf(Data.Calendar.FollowSubject.Commitment, c.Id, c.Code).TrimStart('/')), c.UpdatedAt, c.Version);
            ev.DtStart = new CalDateTime(c.Due!.Value);
            ev.DtEnd = new CalDateTime(c.Due.Value.AddDays(1));
            calendar.Events.Add(ev);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(string uid, string summary, string description, Uri url, DateTimeOffset changed, int version) => new()
    {
        Uid = uid,
        Summary = summary,
        Description = description.Length > 0 ? description : null,
        Url = url,
        DtStamp = new CalDateTime(changed.UtcDateTime, "UTC", hasTime: true),
        Sequence = version,
        Transparency = "TRANSPARENT",
    };

    private static bool IsUtc(string zone) => zone is "UTC" or "Etc/UTC" or "Etc/GMT" or "GMT";

    private static string Clip(string text) => text.Length <= DescriptionMaxLength ? text : text[..DescriptionMaxLength] + "…";
}
