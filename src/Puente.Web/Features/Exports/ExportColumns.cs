using Puente.Web.Features.Actors;
using Puente.Web.Features.Alerts;
using Puente.Web.Features.Catalog;
using Puente.Web.Features.Commitments;
using Puente.Web.Features.Engagements;
using Puente.Web.Features.Indicators;
using Puente.Web.Features.Mechanisms;
using Puente.Web.Features.People;
using Puente.Web.Features.Posts;

namespace Puente.Web.Features.Exports;

/// <summary>
/// The columns of each list's export, over the DTO its API returns (so an export says what the API says). A record's
/// name is given in the reader's language (with the records' fallback to the other language) and as entered in each
/// language, for analysts who compare both; other bilingual fields in the reader's language; enum values through the
/// resources under the keys the pages use.
/// </summary>
public static class ExportColumns
{
    private static ExportColumn<T>[] Names<T>()
        where T : RecordDto =>
        [new("Code", r => r.Code), new("Name", r => r.Name), new("Name (English)", r => r.NameEn), new("Name (Spanish)", r => r.NameEs)];

    private static ExportColumn<T>[] Access<T>(IStringLocalizer t)
        where T : RecordDto =>
        [new("Access", r => t[r.Confidentiality].Value), new("Owning side", r => t["Side." + r.OwnerSide].Value), new("Updated", r => r.UpdatedAt)];

    private static string Yes(IStringLocalizer t, bool value) => value ? t["Yes"] : t["No"];

    public static IReadOnlyList<ExportColumn<ActorDto>> Actors(IStringLocalizer t) =>
    [
        .. Names<ActorDto>(),
        new("Type", a => t[a.Type].Value),
        new("Country", a => a.Country),
        new("Level of government", a => t[a.Level].Value),
        new("City", a => a.City),
        new("Region", a => a.Region),
        new("Track", a => a.Track),
        new("Parent", a => a.ParentCode),
        new("Website", a => a.Website),
        new("Description", a => a.Description),
        .. Access<ActorDto>(t),
    ];

    public static IReadOnlyList<ExportColumn<MechanismDto>> Mechanisms(IStringLocalizer t) =>
    [
        .. Names<MechanismDto>(),
        new("Track", m => m.Track),
        new("Participants", m => m.Participants),
        new("Cadence", m => t[m.Cadence].Value),
        new("Established", m => m.Established),
        new("Description", m => m.Description),
        .. Access<MechanismDto>(t),
    ];

    public static IReadOnlyList<ExportColumn<PersonDto>> People(IStringLocalizer t) =>
    [
        .. Names<PersonDto>(),
        new("Honorific", p => p.Honorific),
        new("Languages", p => p.Languages),
        new("Description", p => p.Description),
        .. Access<PersonDto>(t),
    ];

    public static IReadOnlyList<ExportColumn<PostDto>> Posts(IStringLocalizer t) =>
    [
        .. Names<PostDto>(),
        new("Actor", p => p.Actor),
        new("Actor name", p => p.ActorName),
        new("Country", p => p.Country),
        new("Seniority", p => t["Seniority." + p.Seniority].Value),
        new("Description", p => p.Description),
        .. Access<PostDto>(t),
    ];

    public static IReadOnlyList<ExportColumn<EngagementDto>> Engagements(IStringLocalizer t) =>
    [
        new("Code", e => e.Code),
        new("Title", e => e.Title),
        new("Title (English)", e => e.NameEn),
        new("Title (Spanish)", e => e.NameEs),
        new("Kind", e => t["Kind." + e.Kind].Value),
        new("Start", e => e.Start),
        new("End", e => e.End),
        new("Time zone", e => e.TimeZone),
        new("Place", e => e.Place),
        new("Mechanism", e => e.Mechanism),
        new("Session", e => e.Session),
        new("Tracks", e => e.Tracks),
        new("Issues", e => e.Issues),
        new("Summary", e => e.Summary),
        new("Outcomes", e => e.Outcomes),
        new("Certainty", e => t["Certainty." + e.Certainty].Value),
        .. Access<EngagementDto>(t),
    ];

    public static IReadOnlyList<ExportColumn<CommitmentDto>> Commitments(IStringLocalizer t) =>
    [
        new("Code", c => c.Code),
        new("Text", c => c.Text),
        new("Text (English)", c => c.TextEn),
        new("Text (Spanish)", c => c.TextEs),
        new("Origin", c => t["Origin." + c.Origin].Value),
        new("Made", c => c.Made),
        new("Due", c => c.Due),
        new("Status", c => t["CommitmentStatus." + c.Status].Value),
        new("Overdue", c => Yes(t, c.Overdue)),
        new("MX owner", c => c.OwnerMx?.Post.Code),
        new("US owner", c => c.OwnerUs?.Post.Code),
        new("Engagement", c => c.Engagement?.Code),
        new("Mechanism", c => c.Mechanism),
        new("Instrument", c => c.Instrument),
        new("Issues", c => c.Issues),
        new("Recommendations", c => c.Recommendations),
        .. Access<CommitmentDto>(t),
    ];

    public static IReadOnlyList<ExportColumn<RecommendationDto>> Recommendations(IStringLocalizer t) =>
    [
        new("Code", r => r.Code),
        new("Section", r => r.Section),
        new("Number", r => r.Number),
        new("Addressee", r => t["Addressee." + r.Addressee].Value),
        new("Track", r => r.Track),
        new("Issues", r => r.Issues),
        new("Text", r => r.Text),
        new("Text (English)", r => r.TextEn),
        new("Text (Spanish)", r => r.TextEs),
        new("Plan", r => r.Plan),
        new("Status", r => t["RecommendationStatus." + r.Status].Value),
        new("Status date", r => r.StatusDate),
    ];

    public static IReadOnlyList<ExportColumn<IndicatorDto>> Indicators(IStringLocalizer t) =>
    [
        .. Names<IndicatorDto>(),
        new("Unit", i => i.Unit),
        new("Frequency", i => t["Frequency." + i.Frequency].Value),
        new("Issue", i => i.Issue),
        new("Source", i => i.Source),
        new("Latest period", i => i.LatestPeriodLabel),
        new("Latest value", i => i.LatestValue),
        .. Access<IndicatorDto>(t),
    ];

    public static IReadOnlyList<ExportColumn<AlertDto>> Alerts(IStringLocalizer t) =>
    [
        new("Code", a => a.Code),
        new("Indicator", a => a.Indicator.Code),
        new("Indicator name", a => a.Indicator.Name),
        new("Detector", a => a.DetectorName),
        new("Severity", a => t["Severity." + a.Severity].Value),
        new("Status", a => t["AlertStatus." + a.Status].Value),
        new("Period", a => a.Period),
        new("Value", a => a.Value),
        new("Baseline", a => a.Baseline),
        new("Summary", a => a.Summary),
        new("Issue", a => a.Issue),
        new("Opened", a => a.OpenedAt),
        new("Access", a => t[a.Confidentiality].Value),
        new("Owning side", a => t["Side." + a.OwnerSide].Value),
    ];
}
