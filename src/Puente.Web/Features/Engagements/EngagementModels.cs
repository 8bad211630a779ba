using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Localization;
using Puente.Core.Memory;
using Puente.Web.Features.Posts;

namespace Puente.Web.Features.Engagements;

/// <summary>
/// An engagement as the API returns it. <see cref="Start"/> and <see cref="End"/> are ISO date-times with the offset of
/// the place's zone (<see cref="TimeZone"/>); <see cref="StartUtc"/> the same instant in UTC. An all-day engagement
/// starts at local midnight of its first day and ends at local midnight of its last day.
/// </summary>
public sealed record EngagementDto : RecordDto, IRecordDto<Engagement, EngagementDto>
{
    internal EngagementDto(Engagement e, CultureInfo culture, IReadOnlyList<ParticipantDto>? participants, IReadOnlyList<AttachmentDto>? attachments)
        : base(e, culture)
    {
        var zone = LocalTime.Zone(e.TimeZone) ?? TimeZoneInfo.Utc;
        Kind = e.Kind.ToString();
        Title = Name;
        Summary = Description;
        Start = LocalTime.InZone(e.StartUtc, zone);
        End = LocalTime.InZone(e.EndUtc, zone);
        StartUtc = DateTime.SpecifyKind(e.StartUtc, DateTimeKind.Utc);
        TimeZone = e.TimeZone;
        AllDay = e.AllDay;
        Place = e.Place;
        Mechanism = e.Mechanism?.Code;
        MechanismName = e.Mechanism is { } m ? Bilingual.Pick(m.NameEn, m.NameEs, culture) : null;
        Session = e.SessionNumber;
        Tracks = Engagement.SplitCodes(e.TrackCodes);
        Issues = Engagement.SplitCodes(e.IssueCodes);
        Outcomes = Bilingual.Pick(e.OutcomesEn, e.OutcomesEs, culture);
        OutcomesEn = e.OutcomesEn;
        OutcomesEs = e.OutcomesEs;
        Sources = Engagement.SplitSources(e.Sources);
        Certainty = e.Certainty.ToString();
        CertaintyNote = e.CertaintyNote is null && e.CertaintyNoteEs is null ? null : Bilingual.Pick(e.CertaintyNote ?? "", e.CertaintyNoteEs ?? "", culture);
        CertaintyNoteEn = e.CertaintyNote;
        CertaintyNoteEs = e.CertaintyNoteEs;
        Participants = participants;
        Attachments = attachments;
    }

    public string Kind { get; }
    public string Title { get; }
    public string Summary { get; }
    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }
    public DateTime StartUtc { get; }
    public string TimeZone { get; }
    public bool AllDay { get; }
    public string Place { get; }
    public string? Mechanism { get; }
    public string? MechanismName { get; }
    public int? Session { get; }
    public IReadOnlyList<string> Tracks { get; }
    public IReadOnlyList<string> Issues { get; }
    public string Outcomes { get; }
    public string OutcomesEn { get; }
    public string OutcomesEs { get; }
    public IReadOnlyList<string> Sources { get; }
    public string Certainty { get; }
    /// <summary>In the request's language.</summary>
    public string? CertaintyNote { get; }

    public string? CertaintyNoteEn { get; }
    public string? CertaintyNoteEs { get; }

    /// <summary>Present on one engagement; null in lists.</summary>
    public IReadOnlyList<ParticipantDto>? Participants { get; }

    /// <summary>Present on one engagement; null in lists.</summary>
    public IReadOnlyList<AttachmentDto>? Attachments { get; }

    /// <summary>As a list item (no participants, no attachments).</summary>
    public static EngagementDto From(Engagement record, CultureInfo culture) => new(record, culture, null, null);
}

/// <summary>
/// One participant: the person (if named), the post they sat in (given, or found from the person's tenures on the day:
/// <see cref="PostFromTenure"/>), and with it the country and seniority; or an unnamed delegation of a country and level.
/// </summary>
/// <remarks><see cref="Role"/> is in the request's language; <see cref="RoleEn"/> and <see cref="RoleEs"/> as entered.</remarks>
public sealed record ParticipantDto(PersonRef? Person, PostRef? Post, bool PostFromTenure, string Country, string? Seniority, bool Lead, string Role,
    string RoleEn, string RoleEs);

/// <summary>An attachment's description; its bytes are at <see cref="Url"/>.</summary>
public sealed record AttachmentDto(Guid Id, string FileName, string Type, long Length, string Sha256, DateTimeOffset CreatedAt, string CreatedBy, string Url);

/// <summary>A participant as entered: a person code, a post code, or neither with a country and seniority (a delegation).</summary>
public sealed class ParticipantInput
{
    public string? Person { get; set; }
    public string? Post { get; set; }

    /// <summary>Country code (MX, US, CA…); for a person or post, theirs when omitted.</summary>
    public string? Side { get; set; }

    public string? Seniority { get; set; }
    public bool Lead { get; set; }
    public string? Role { get; set; }
    public string? RoleEs { get; set; }
}

/// <summary>
/// What a person enters to create or edit an engagement: title (the record's names), summary (its descriptions), kind,
/// local start and end ("2025-03-01T10:00", or a date alone for an all-day engagement), the place's IANA zone, the
/// mechanism (code), session number, tracks and issues (codes), outcomes, sources (URLs), certainty, participants. The
/// code is made from the date when none is given.
/// </summary>
public sealed class EngagementInput : RecordInput
{
    public string? TitleEn { get => NameEn; set => NameEn = value; }
    public string? TitleEs { get => NameEs; set => NameEs = value; }
    public string? SummaryEn { get => DescriptionEn; set => DescriptionEn = value; }
    public string? SummaryEs { get => DescriptionEs; set => DescriptionEs = value; }
    public string? Kind { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? TimeZone { get; set; }
    public string? Place { get; set; }
    public string? Mechanism { get; set; }
    public int? Session { get; set; }
    public List<string>? Tracks { get; set; }
    public List<string>? Issues { get; set; }
    public string? OutcomesEn { get; set; }
    public string? OutcomesEs { get; set; }
    public List<string>? Sources { get; set; }
    public string? Certainty { get; set; }
    public string? CertaintyNote { get; set; }
    public string? CertaintyNoteEs { get; set; }

    /// <summary>Omitted on update: the participants stay as they are; given: they replace the list.</summary>
    public List<ParticipantInput>? Participants { get; set; }

    public static EngagementInput From(Engagement e, IEnumerable<string> grants)
    {
        var input = new EngagementInput
        {
            Kind = e.Kind.ToString(),
            Start = e.AllDay ? e.StartLocal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : e.StartLocal.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            End = e.AllDay ? e.EndLocal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : e.EndLocal.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            TimeZone = e.TimeZone,
            Place = e.Place,
            Mechanism = e.Mechanism?.Code,
            Session = e.SessionNumber,
            Tracks = [.. Engagement.SplitCodes(e.TrackCodes)],
            Issues = [.. Engagement.SplitCodes(e.IssueCodes)],
            OutcomesEn = e.OutcomesEn,
            OutcomesEs = e.OutcomesEs,
            Sources = [.. Engagement.SplitSources(e.Sources)],
            Certainty = e.Certainty.ToString(),
            CertaintyNote = e.CertaintyNote,
            CertaintyNoteEs = e.CertaintyNoteEs,
            Participants = [.. e.Participants.Where(p => !EngagementService.Hidden(p)).OrderBy(p => p.SortOrder).Select(p => new ParticipantInput
            {
                Person = p.Person?.Code, Post = p.Post?.Code, Side = p.Country, Seniority = p.Seniority?.ToString(), Lead = p.Lead, Role = p.Role, RoleEs = p.RoleEs,
            })],
        };
        input.CopyFrom(e, grants);
        return input;
    }
}

/// <summary>
/// Filters of the engagement list: mechanism, track, issue (codes), an actor, person or post that took part (a person
/// counts for the post they held that day), kind, a period of start dates (from and to included), and text.
/// </summary>
public sealed class EngagementFilter : RecordFilter<Engagement>
{
    [FromQuery(Name = "mechanism")]
    public string? Mechanism { get; set; }

    [FromQuery(Name = "track")]
    public string? Track { get; set; }

    [FromQuery(Name = "issue")]
    public string? Issue { get; set; }

    [FromQuery(Name = "actor")]
    public string? Actor { get; set; }

    [FromQuery(Name = "person")]
    public string? Person { get; set; }

    [FromQuery(Name = "post")]
    public string? Post { get; set; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; set; }

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary>Set by the service: the readable tenures, for the post and actor filters.</summary>
    internal IQueryable<Tenure>? Tenures { get; set; }

    /// <summary>Set by the service: the readable participants, for the person filter.</summary>
    internal IQueryable<Participant>? Participants { get; set; }

    /// <summary>Set by the service after validation.</summary>
    internal DateOnly? FromDay { get; set; }

    internal DateOnly? ToDay { get; set; }

    internal EngagementKind? KindValue { get; set; }

    /// <summary>Oldest first (timelines, sessions) instead of newest first.</summary>
    internal bool Ascending { get; set; }

    /// <summary>Set by the service: the ids the codes name (a code naming nothing readable matches nothing).</summary>
    internal Guid? MechanismId { get; set; }

    internal Guid? PersonId { get; set; }
    internal Guid? PostId { get; set; }
    internal Guid? ActorId { get; set; }
    internal bool NothingMatches { get; set; }

    protected override IQueryable<Engagement> Narrow(IQueryable<Engagement> records)
    {
        if (NothingMatches)
        {
            return records.Where(e => false);
        }

        if (MechanismId is { } mechanism)
        {
            records = records.Where(e => e.MechanismId == mechanism);
        }

        if (CodeOf(Track) is { } track)
        {
            var pattern = "%," + track + ",%";
            records = records.Where(e => EF.Functions.Like(e.TrackCodes, pattern));
        }

        if (CodeOf(Issue) is { } issue)
        {
            var pattern = "%," + issue + ",%";
            records = records.Where(e => EF.Functions.Like(e.IssueCodes, pattern));
        }

        if (KindValue is { } kind)
        {
            records = records.Where(e => e.Kind == kind);
        }

        // The period is of local start dates; the same period widened by a day on each side (more than any zone's
        // offset) bounds StartUtc too, so that the (MechanismId, StartUtc), (Kind, StartUtc) and StartUtc indexes read
        // only the period instead of every engagement of the mechanism or kind (docs/benchmarks.md, issue: memory).
        if (FromDay is { } from)
        {
            var fromUtc = from.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            records = records.Where(e => e.StartDate >= from && e.StartUtc >= fromUtc);
        }

        if (ToDay is { } to)
        {
            var beforeUtc = to.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            records = records.Where(e => e.StartDate <= to && e.StartUtc < beforeUtc);
        }

        if (PersonId is { } person)
        {
            // "Id IN (the person's participations)": the database starts from the person's rows of the
            // (PersonId, ParentId) index; an EXISTS per engagement made it probe that index for every engagement.
            var participations = (Participants ?? Enumerable.Empty<Participant>().AsQueryable()).Where(p => p.PersonId == person).Select(p => p.ParentId);
            records = records.Where(e => participations.Contains(e.Id));
        }

        var tenures = Tenures ?? Enumerable.Empty<Tenure>().AsQueryable();
        if (PostId is { } post)
        {
            // Sat in the post, or a person who held it that day. "Id IN (the post's participations)" or "Id IN (its holders'
            // participations)" first: the database reads those sets by the (PostId, ParentId) and (PersonId, ParentId)
            // indexes once, and checks the tenure's dates only for the engagements in them (decision 0055's benchmark).
            var participants = Participants ?? Enumerable.Empty<Participant>().AsQueryable();
            var direct = participants.Where(p => p.PostId == post).Select(p => p.ParentId);
            var holders = tenures.Where(t => t.PostId == post).Select(t => t.PersonId);
            var viaHolders = participants.Where(p => p.PostId == null && p.PersonId != null && holders.Contains(p.PersonId.Value)).Select(p => p.ParentId);
            records = records.Where(e => direct.Contains(e.Id) || (viaHolders.Contains(e.Id) && e.Participants.Any(p => p.PostId == null && p.PersonId != null
                && tenures.Any(t => t.PersonId == p.PersonId && t.PostId == post && t.From <= e.StartDate && (t.To == null || t.To > e.StartDate)))));
        }

        if (ActorId is { } actor)
        {
            records = records.Where(e => e.Participants.Any(p => (p.Post != null && p.Post.ActorId == actor)
                || (p.PostId == null && p.PersonId != null && tenures.Any(t => t.PersonId == p.PersonId && t.Post!.ActorId == actor
                    && t.From <= e.StartDate && (t.To == null || t.To > e.StartDate)))));
        }

        return Ascending
            ? records.OrderBy(e => e.StartUtc).ThenBy(e => e.Code)
            : records.OrderByDescending(e => e.StartUtc).ThenBy(e => e.Code);
    }
}
