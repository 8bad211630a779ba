using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Commitments;
using Puente.Core.Localization;
using Puente.Web.Features.Posts;

namespace Puente.Web.Features.Commitments;

/// <summary>An owner post with who held it on the day the view is for.</summary>
public sealed record OwnerDto(PostRef Post, HolderDto? Holder);

/// <summary>The engagement a commitment was made at, or that evidences a change.</summary>
public sealed record EngagementRef(Guid Id, string Code, string Title, DateOnly Date);

/// <summary>One dated status change with its note and evidence (evidence the reader cannot read is left out).</summary>
public sealed record StatusChangeDto(Guid Id, int Sequence, string Status, DateOnly Date, string? Note, string? NoteEn, string? NoteEs,
    string? EvidenceUrl, EngagementRef? EvidenceEngagement, Guid? EvidenceAttachment, Guid? EvidenceAttachmentEngagement, string? EvidenceAttachmentUrl, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>
/// A commitment as the API returns it. <see cref="Text"/> is the wording in the request's language, <see cref="TextEn"/>
/// and <see cref="TextEs"/> as each side agreed it; <see cref="Due"/> null means ongoing. <see cref="Status"/> is as of
/// <see cref="AsOf"/> (today unless a list asked for another day); <see cref="History"/> is present on one commitment.
/// </summary>
public sealed record CommitmentDto : RecordDto, IRecordDto<Commitment, CommitmentDto>
{
    internal CommitmentDto(Commitment c, CultureInfo culture, DateOnly asOf, CommitmentStatus? statusOnDay, OwnerDto? ownerMx, OwnerDto? ownerUs,
        IReadOnlyList<StatusChangeDto>? history)
        : base(c, culture)
    {
        Text = Name;
        TextEn = c.NameEn;
        TextEs = c.NameEs;
        Origin = c.Origin.ToString();
        Made = c.MadeOn;
        Due = c.Due;
        Ongoing = c.Due is null;
        AsOf = asOf;
        var status = statusOnDay ?? c.Status;
        Status = status.ToString();
        Open = CommitmentStatuses.IsOpen(status);
        Overdue = c.Due is { } due && due < asOf && Open;
        StatusDate = c.StatusDate;
        OwnerMx = ownerMx ?? (c.OwnerMxPost is { } mx ? new OwnerDto(PostService.PostOf(mx, culture), null) : null);
        OwnerUs = ownerUs ?? (c.OwnerUsPost is { } us ? new OwnerDto(PostService.PostOf(us, culture), null) : null);
        Engagement = c.Engagement is { } e ? new EngagementRef(e.Id, e.Code, Bilingual.Pick(e.NameEn, e.NameEs, culture), e.StartDate) : null;
        Mechanism = c.Mechanism?.Code;
        MechanismName = c.Mechanism is { } m ? Bilingual.Pick(m.NameEn, m.NameEs, culture) : null;
        Instrument = c.Instrument;
        Issues = Core.Memory.Engagement.SplitCodes(c.IssueCodes);
        Recommendations = Core.Memory.Engagement.SplitCodes(c.RecommendationCodes);
        Team = c.Team;
        History = history;
    }

    public string Text { get; }
    public string TextEn { get; }
    public string TextEs { get; }
    public string Origin { get; }
    public DateOnly Made { get; }
    public DateOnly? Due { get; }
    public bool Ongoing { get; }
    public DateOnly AsOf { get; }
    public string Status { get; }
    public bool Open { get; }
    public bool Overdue { get; }

    /// <summary>The date of the latest status change.</summary>
    public DateOnly StatusDate { get; }

    public OwnerDto? OwnerMx { get; }
    public OwnerDto? OwnerUs { get; }
    public EngagementRef? Engagement { get; }
    public string? Mechanism { get; }
    public string? MechanismName { get; }
    public string? Instrument { get; }
    public IReadOnlyList<string> Issues { get; }
    public IReadOnlyList<string> Recommendations { get; }
    public string? Team { get; }

    /// <summary>Oldest first; present on one commitment, null in lists.</summary>
    public IReadOnlyList<StatusChangeDto>? History { get; }

    /// <summary>As a list item, judged today (UTC).</summary>
    public static CommitmentDto From(Commitment record, CultureInfo culture) =>
        new(record, culture, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime), null, null, null, null);
}

/// <summary>
/// What a person enters to create or edit a commitment: its wording as each side agreed it (<c>textEn</c>,
/// <c>textEs</c>), each side's owner post (code), the due date ("YYYY-MM-DD"; empty or null: ongoing), where it was made
/// (an engagement id or code, a mechanism code, a water minute or a plan), the day it was made (an engagement's date by
/// default), agenda issues and recommendations (codes), a following group, and its access.
/// </summary>
public sealed class CommitmentInput : Records.RecordInput
{
    [JsonPropertyName("textEn")]
    public string? TextEn { get => NameEn; set => NameEn = value; }

    [JsonPropertyName("textEs")]
    public string? TextEs { get => NameEs; set => NameEs = value; }

    public string? OwnerMx { get; set; }
    public string? OwnerUs { get; set; }
    public string? Due { get; set; }
    public string? Made { get; set; }
    public string? Engagement { get; set; }
    public string? Mechanism { get; set; }

    /// <summary>"MINUTE-323", "AGREEMENT-2025-12" (a water instrument) or a plan code.</summary>
    public string? Instrument { get; set; }

    public List<string>? Issues { get; set; }
    public List<string>? Recommendations { get; set; }
    public string? Team { get; set; }

    public static CommitmentInput From(Commitment c, IEnumerable<string> grants)
    {
        var input = new CommitmentInput
        {
            OwnerMx = c.OwnerMxPost?.Code,
            OwnerUs = c.OwnerUsPost?.Code,
            Due = c.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Made = c.MadeOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Engagement = c.Engagement?.Code,
            Mechanism = c.Origin == CommitmentOrigin.Engagement ? null : c.Mechanism?.Code,
            Instrument = c.Instrument,
            Issues = [.. Core.Memory.Engagement.SplitCodes(c.IssueCodes)],
            Recommendations = [.. Core.Memory.Engagement.SplitCodes(c.RecommendationCodes)],
            Team = c.Team,
        };
        input.CopyFrom(c, grants);
        return input;
    }
}

/// <summary>A status change as entered: the status, its date, a note (EN/ES) and evidence (a web address, an engagement, an attachment).</summary>
public sealed class StatusInput
{
    public string? Status { get; set; }
    public string? Date { get; set; }
    public string? Note { get; set; }
    public string? NoteEs { get; set; }
    public string? EvidenceUrl { get; set; }

    /// <summary>An engagement's id or code.</summary>
    public string? EvidenceEngagement { get; set; }

    /// <summary>An attachment's id (of an engagement the editor can read).</summary>
    public string? EvidenceAttachment { get; set; }
}

/// <summary>
/// Filters of the ledger: status (as of <c>asOf</c>), owner post (either side), mechanism, issue, recommendation,
/// instrument, engagement, due before a day or within N days, overdue, "mine", and text. <c>asOf</c> (default today) is
/// the day statuses and "overdue" are judged on.
/// </summary>
public sealed class CommitmentFilter : Records.RecordFilter<Commitment>
{
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "owner")]
    public string? Owner { get; set; }

    [FromQuery(Name = "mechanism")]
    public string? Mechanism { get; set; }

    [FromQuery(Name = "issue")]
    public string? Issue { get; set; }

    [FromQuery(Name = "recommendation")]
    public string? Recommendation { get; set; }

    [FromQuery(Name = "instrument")]
    public string? Instrument { get; set; }

    [FromQuery(Name = "engagement")]
    public string? Engagement { get; set; }

    [FromQuery(Name = "dueBefore")]
    public string? DueBefore { get; set; }

    /// <summary>Due within this many days of <c>asOf</c> (and not yet overdue), 0–3,660.</summary>
    [FromQuery(Name = "dueWithin")]
    public int? DueWithin { get; set; }

    [FromQuery(Name = "overdue")]
    public bool? Overdue { get; set; }

    /// <summary>Only the caller's: owned by a post linked to their account, or followed by one of their groups.</summary>
    [FromQuery(Name = "mine")]
    public bool? Mine { get; set; }

    [FromQuery(Name = "asOf")]
    public string? AsOf { get; set; }

    /// <summary>Set by the service.</summary>
    internal DateOnly Day { get; set; }

    /// <summary>Judge status on the history (a day before today) instead of the current status.</summary>
    internal bool Historic { get; set; }

    internal CommitmentStatus? StatusValue { get; set; }
    internal DateOnly? DueBeforeDay { get; set; }
    internal Guid? OwnerId { get; set; }
    internal Guid? MechanismId { get; set; }
    internal Guid? EngagementId { get; set; }
    internal IReadOnlyList<Guid>? MyPosts { get; set; }
    internal IReadOnlyList<string>? MyGroups { get; set; }
    internal IQueryable<CommitmentStatusChange>? Changes { get; set; }
    internal bool NothingMatches { get; set; }

    /// <summary>
    /// Still owed, by the kept status, written as "not closed": no index can seek it, so the database reads the due-date
    /// index in its order and checks the status there (a page of the overdue list stops after its rows).
    /// </summary>
    internal static readonly Expression<Func<Commitment, bool>> NotClosed = c => c.Status != CommitmentStatus.Kept && c.Status != CommitmentStatus.PartlyKept
        && c.Status != CommitmentStatus.Broken && c.Status != CommitmentStatus.Superseded && c.Status != CommitmentStatus.Withdrawn;

    protected override IQueryable<Commitment> Narrow(IQueryable<Commitment> records)
    {
        if (NothingMatches)
        {
            return records.Where(c => false);
        }

        var day = Day;
        if (Historic)
        {
            records = records.Where(c => c.MadeOn <= day);
        }

        if (OwnerId is { } owner)
        {
            records = records.Where(c => c.OwnerMxPostId == owner || c.OwnerUsPostId == owner);
        }

        if (MechanismId is { } mechanism)
        {
            records = records.Where(c => c.MechanismId == mechanism);
        }

        if (EngagementId is { } engagement)
        {
            records = records.Where(c => c.EngagementId == engagement);
        }

        // A code filter that is not a code (LIKE wildcards, spaces…) matches nothing rather than everything.
        if (new[] { Issue, Recommendation, Instrument }.Any(v => CodeOf(v) is { } code && !Puente.Core.Catalog.CatalogCode.IsValid(code)))
        {
            return records.Where(c => false);
        }

        if (CodeOf(Issue) is { } issue)
        {
            var pattern = "%," + issue + ",%";
            records = records.Where(c => EF.Functions.Like(c.IssueCodes, pattern));
        }

        if (CodeOf(Recommendation) is { } recommendation)
        {
            var pattern = "%," + recommendation + ",%";
            records = records.Where(c => EF.Functions.Like(c.RecommendationCodes, pattern));
        }

        if (CodeOf(Instrument) is { } instrument)
        {
            records = records.Where(c => c.Instrument == instrument);
        }

        if (DueBeforeDay is { } before)
        {
            records = records.Where(c => c.Due != null && c.Due < before);
        }

        if (DueWithin is { } within)
        {
            // Still owed: closed commitments are not "due". (As of a past day, the status on it is checked below.)
            var last = day.AddDays(within);
            records = records.Where(c => c.Due != null && c.Due >= day && c.Due <= last);
            if (!Historic)
            {
                records = records.Where(NotClosed);
            }
        }

        if (Mine == true)
        {
            var posts = MyPosts ?? [];
            var groups = MyGroups ?? [];
            records = records.Where(c => posts.Contains(c.OwnerMxPostId) || posts.Contains(c.OwnerUsPostId) || (c.Team != null && groups.Contains(c.Team)));
        }

        if (Historic)
        {
            // The status on the day: the latest change dated on or before it, NotStarted before any.
            var changes = Changes ?? Enumerable.Empty<CommitmentStatusChange>().AsQueryable();
            var onDay = from c in records
                        // Unchanged since the day: its kept status (from the index); otherwise from the history.
                        let status = c.StatusDate <= day ? c.Status
                            : changes.Where(s => s.ParentId == c.Id && s.Date <= day).OrderByDescending(s => s.Date).ThenByDescending(s => s.Sequence)
                                .Select(s => (CommitmentStatus?)s.Status).FirstOrDefault() ?? CommitmentStatus.NotStarted
                        select new { c, status };
            if (StatusValue is { } wanted)
            {
                onDay = onDay.Where(x => x.status == wanted);
            }

            if (Overdue == true)
            {
                onDay = onDay.Where(x => x.c.Due != null && x.c.Due < day
                    && (x.status == CommitmentStatus.NotStarted || x.status == CommitmentStatus.InProgress || x.status == CommitmentStatus.Stalled));
            }

            if (DueWithin is not null)
            {
                onDay = onDay.Where(x => x.status == CommitmentStatus.NotStarted || x.status == CommitmentStatus.InProgress || x.status == CommitmentStatus.Stalled);
            }

            records = onDay.Select(x => x.c);
        }
        else
        {
            if (StatusValue is { } wanted)
            {
                records = records.Where(c => c.Status == wanted);
            }

            if (Overdue == true)
            {
                records = records.Where(NotClosed).Where(c => c.Due != null && c.Due < day);
            }
        }

        return Overdue == true || DueWithin is not null || DueBeforeDay is not null
            ? records.OrderBy(c => c.Due).ThenBy(c => c.Id) // the due-date index's order: a page reads only its rows
            : records.OrderByDescending(c => c.MadeOn).ThenBy(c => c.Code);
    }
}
