using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Localization;
using Puente.Core.Memory;
using Puente.Core.Records;
using Puente.Core.Text;
using Puente.Data.Water;
using Puente.Web.Features.Posts;

namespace Puente.Web.Features.Commitments;

/// <summary>
/// The commitment ledger for the pages, the API and the seed: the commitment's own fields (owners, origin, due date),
/// its dated status changes (parts, written with the commitment in one audited save), and the list filters, all through
/// the access filter.
/// </summary>
public sealed class CommitmentService(PuenteDbContext db, IStringLocalizer<SharedResource> t, PostService posts, TimeProvider time)
    : RecordService<Commitment, CommitmentInput>(db, t)
{
    public const int MaxDueWithinDays = 3660;

    protected override IQueryable<Commitment> Query => Db.Set<Commitment>()
        .Include(c => c.OwnerMxPost).Include(c => c.OwnerUsPost).Include(c => c.Engagement).Include(c => c.Mechanism);

    /// <summary>Today, as the ledger judges "overdue" (UTC).</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The instruments a commitment can be in: the water minutes and agreements, and the plans.</summary>
    public static IReadOnlyList<string> WaterInstruments { get; } = [.. WaterData.Minutes.Select(m => m.Code)];

    /// <summary>Checks the filter's values and resolves its codes; the problems come back keyed by parameter.</summary>
    public async Task<FieldErrors> PrepareAsync(CommitmentFilter filter, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        filter.Day = Today;
        if (!string.IsNullOrWhiteSpace(filter.AsOf))
        {
            if (IsoDate.TryParse(filter.AsOf, out var asOf))
            {
                filter.Day = asOf;
                filter.Historic = asOf < Today;
            }
            else
            {
                errors.Add("asOf", Text["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", filter.AsOf]);
            }
        }

        filter.Changes = Db.Set<CommitmentStatusChange>();
        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            if (EnumText.TryParse<CommitmentStatus>(filter.Status, out var status))
            {
                filter.StatusValue = status;
            }
            else
            {
                errors.Add("status", Text["Unknown status '{0}'. Use one of {1}.", filter.Status, string.Join(", ", Enum.GetNames<CommitmentStatus>())]);
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.DueBefore))
        {
            if (IsoDate.TryParse(filter.DueBefore, out var before))
            {
                filter.DueBeforeDay = before;
            }
            else
            {
                errors.Add("dueBefore", Text["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", filter.DueBefore]);
            }
        }

        if (filter.DueWithin is < 0 or > MaxDueWithinDays)
        {
            errors.Add("dueWithin", Text["Give a number of days from 0 to {0}.", MaxDueWithinDays]);
        }

        filter.OwnerId = await FilterIdAsync(Db.Set<Post>(), filter.Owner, filter, cancellationToken);
        filter.MechanismId = await FilterIdAsync(Db.Mechanisms, filter.Mechanism, filter, cancellationToken);
        filter.EngagementId = await FilterIdAsync(Db.Set<Engagement>(), filter.Engagement, filter, cancellationToken);
        if (filter.Mine == true)
        {
            var (myPosts, myGroups) = await MineAsync(cancellationToken);
            filter.MyPosts = myPosts;
            filter.MyGroups = myGroups;
        }

        return errors;
    }

    private static async Task<Guid?> FilterIdAsync<TRecord>(IQueryable<TRecord> records, string? code, CommitmentFilter filter, CancellationToken cancellationToken)
        where TRecord : ContentRecord
    {
        var (id, missing) = await RecordLookup.FilterIdAsync(records, code, cancellationToken);
        filter.NothingMatches |= missing;
        return id;
    }

    /// <summary>The posts linked to the caller's account (readable ones) and their groups.</summary>
    public async Task<(List<Guid> Posts, List<string> Groups)> MineAsync(CancellationToken cancellationToken)
    {
        var userId = Db.Viewer.UserId;
        var account = userId is null ? null : await Db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Posts, u.Groups }).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return ([], []);
        }

        var codes = account.Posts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ids = await Db.Set<Post>().Where(p => codes.Contains(p.Code)).Select(p => p.Id).ToListAsync(cancellationToken);
        return (ids, [.. account.Groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
    }

    /// <summary>The statuses of <paramref name="ids"/> on <paramref name="day"/>, from their histories.</summary>
    public async Task<Dictionary<Guid, CommitmentStatus>> StatusesOnAsync(IReadOnlyCollection<Guid> ids, DateOnly day, CancellationToken cancellationToken)
    {
        var changes = await Db.Set<CommitmentStatusChange>().AsNoTracking().Where(s => ids.Contains(s.ParentId) && s.Date <= day)
            .Select(s => new { s.ParentId, s.Date, s.Sequence, s.Status }).ToListAsync(cancellationToken);
        var latest = changes.GroupBy(s => s.ParentId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Date).ThenBy(s => s.Sequence).Last().Status);
        return ids.ToDictionary(id => id, id => latest.GetValueOrDefault(id, CommitmentStatus.NotStarted));
    }

    /// <summary>A page of the list as DTOs, statuses as of the filter's day.</summary>
    public async Task<(List<CommitmentDto> Items, int Total)> ListAsync(CommitmentFilter filter, int page, int pageSize, CultureInfo culture, CancellationToken cancellationToken)
    {
        var (items, total) = await SearchAsync(filter, page, pageSize, cancellationToken);
        var statuses = filter.Historic ? await StatusesOnAsync([.. items.Select(c => c.Id)], filter.Day, cancellationToken) : null;
        return ([.. items.Select(c => new CommitmentDto(c, culture, filter.Day, statuses?.GetValueOrDefault(c.Id), null, null, null))], total);
    }

    /// <summary>One commitment with its owners' holders on <paramref name="day"/> and its history.</summary>
    public async Task<CommitmentDto> DetailsAsync(Commitment c, DateOnly day, CultureInfo culture, string pathBase, CancellationToken cancellationToken)
    {
        var holders = await posts.HoldersAsync([c.OwnerMxPostId, c.OwnerUsPostId], day, cancellationToken);
        OwnerDto? Owner(Post? p) => p is null ? null : new OwnerDto(PostService.PostOf(p, culture), holders.GetValueOrDefault(p.Id));
        var history = await HistoryAsync(c, culture, pathBase, cancellationToken);
        var status = day < Today ? (await StatusesOnAsync([c.Id], day, cancellationToken))[c.Id] : (CommitmentStatus?)null;
        return new CommitmentDto(c, culture, day, status, Owner(c.OwnerMxPost), Owner(c.OwnerUsPost), history);
    }

    /// <summary>The status changes oldest first; evidence the reader cannot read is left out of each.</summary>
    public async Task<List<StatusChangeDto>> HistoryAsync(Commitment c, CultureInfo culture, string pathBase, CancellationToken cancellationToken)
    {
        var changes = await Db.Set<CommitmentStatusChange>().AsNoTracking().Include(s => s.EvidenceEngagement)
            .Where(s => s.ParentId == c.Id).OrderBy(s => s.Date).ThenBy(s => s.Sequence).Take(Commitment.MaxChanges).ToListAsync(cancellationToken);
        var attachmentIds = changes.Where(s => s.EvidenceAttachmentId is not null).Select(s => s.EvidenceAttachmentId!.Value).ToList();
        var attachments = await Db.Set<EngagementAttachment>().AsNoTracking().Where(a => attachmentIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.ParentId, cancellationToken);
        return [.. changes.Select(s =>
        {
            var attachment = s.EvidenceAttachmentId is { } id && attachments.TryGetValue(id, out var engagement) ? (Id: id, Engagement: engagement) : ((Guid Id, Guid Engagement)?)null;
            return new StatusChangeDto(s.Id, s.Sequence, s.Status.ToString(), s.Date,
                s.NoteEn is null && s.NoteEs is null ? null : Bilingual.Pick(s.NoteEn ?? "", s.NoteEs ?? "", culture), s.NoteEn, s.NoteEs, s.EvidenceUrl,
                s.EvidenceEngagement is { } e ? new EngagementRef(e.Id, e.Code, Bilingual.Pick(e.NameEn, e.NameEs, culture), e.StartDate) : null,
                attachment?.Id, attachment?.Engagement, attachment is { } a ? $"{pathBase}/api/v1/engagements/{a.Engagement}/attachments/{a.Id}" : null, s.CreatedAt, s.CreatedBy);
        })];
    }

    /// <summary>Creates or updates a commitment; a new one without a code gets one made from the day it was made.</summary>
    public Task<(Commitment? Record, FieldErrors Errors)> SaveCommitmentAsync(CommitmentInput input, Commitment? existing, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Code))
        {
            input.Code = existing?.Code ?? $"C-{Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
        }

        return SaveAsync(input, existing, cancellationToken);
    }

    protected override async Task<Action<Commitment>> ValidateAsync(CommitmentInput input, Commitment? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.NameEn))
        {
            errors.Add("textEn", Text["Give the wording in English as it was agreed."]);
        }

        if (string.IsNullOrWhiteSpace(input.NameEs))
        {
            errors.Add("textEs", Text["Give the wording in Spanish as it was agreed."]);
        }

        var ownerMx = await OwnerAsync(input.OwnerMx, "ownerMx", "MX", existing?.OwnerMxPostId, errors, cancellationToken);
        var ownerUs = await OwnerAsync(input.OwnerUs, "ownerUs", "US", existing?.OwnerUsPostId, errors, cancellationToken);

        Engagement? engagement = null;
        if (!string.IsNullOrWhiteSpace(input.Engagement))
        {
            engagement = await RecordLookup.FindAsync(Db.Set<Engagement>().Include(e => e.Mechanism), input.Engagement.Trim(), cancellationToken);
            if (engagement is null)
            {
                errors.Add("engagement", Text["Unknown engagement '{0}'.", input.Engagement]);
            }
        }

        Mechanism? mechanism = null;
        if (!string.IsNullOrWhiteSpace(input.Mechanism))
        {
            mechanism = await RecordLookup.FindAsync(Db.Mechanisms, input.Mechanism, cancellationToken);
            if (mechanism is null)
            {
                errors.Add("mechanism", Text["Unknown mechanism '{0}'.", input.Mechanism]);
            }
        }

        if (mechanism is not null && engagement?.MechanismId is { } sessionOf && sessionOf != mechanism.Id)
        {
            errors.Add("mechanism", Text["The engagement was a session of {0}; a commitment made at it is under the same mechanism.", engagement.Mechanism?.Code ?? "?"]);
        }

        mechanism ??= engagement?.Mechanism;
        string? instrument = null;
        if (!string.IsNullOrWhiteSpace(input.Instrument))
        {
            instrument = CatalogCode.Normalize(input.Instrument);
            if (!WaterInstruments.Contains(instrument) && !await IsPlanAsync(instrument, cancellationToken))
            {
                errors.Add("instrument", Text["Unknown minute, agreement or plan '{0}'.", input.Instrument]);
            }
        }

        var origin = engagement is not null ? CommitmentOrigin.Engagement
            : instrument is not null ? (WaterInstruments.Contains(instrument) ? CommitmentOrigin.WaterMinute : CommitmentOrigin.Plan)
            : CommitmentOrigin.Mechanism;
        var keepHidden = existing is not null && engagement is null && mechanism is null && instrument is null
            && string.IsNullOrWhiteSpace(input.Engagement) && string.IsNullOrWhiteSpace(input.Mechanism)
            && (existing.EngagementId is not null || existing.MechanismId is not null);
        if (engagement is null && mechanism is null && instrument is null && !keepHidden && !errors.Has("engagement", "mechanism", "instrument"))
        {
            errors.Add("engagement", Text["Say where it was made: an engagement, a mechanism, a water minute or agreement, or a plan."]);
        }

        var made = engagement?.StartDate ?? existing?.MadeOn ?? Today;
        if (!string.IsNullOrWhiteSpace(input.Made))
        {
            if (IsoDate.TryParse(input.Made, out var m))
            {
                made = m;
            }
            else
            {
                errors.Add("made", Text["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", input.Made]);
            }
        }

        if (made > Today.AddDays(1))
        {
            errors.Add("made", Text["The day it was made ({0}) is in the future.", Iso(made)]);
        }

        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(input.Due))
        {
            if (!IsoDate.TryParse(input.Due, out var d))
            {
                errors.Add("due", Text["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", input.Due]);
            }
            else if (d < made)
            {
                errors.Add("due", Text["The due date {0} is before the day the commitment was made ({1}).", Iso(d), Iso(made)]);
            }
            else
            {
                due = d;
            }
        }

        if (existing is not null && await Db.Set<CommitmentStatusChange>().IgnoreQueryFilters().Where(s => s.ParentId == existing.Id)
                .OrderBy(s => s.Date).Select(s => (DateOnly?)s.Date).FirstOrDefaultAsync(cancellationToken) is { } first && first < made)
        {
            errors.Add("made", Text["Its first status change is dated {0}, before {1}.", Iso(first), Iso(made)]);
        }

        var issues = await RecordLookup.CodesAsync(input.Issues, Db.AgendaIssues.Select(x => x.Code), "issues", Commitment.MaxCodes, errors, Text, cancellationToken);
        var recommendations = await RecordLookup.CodesAsync(input.Recommendations, Db.Recommendations.Select(x => x.Code), "recommendations", Commitment.MaxCodes, errors, Text, cancellationToken);
        string? team = null;
        if (!string.IsNullOrWhiteSpace(input.Team))
        {
            team = input.Team.Trim().ToLowerInvariant();
            if (!Principals.IsValidGroup(team) || team.Length > Commitment.TeamMaxLength)
            {
                errors.Add("team", Text["A group name is lower-case letters, digits and '-' (at most {0}).", Commitment.TeamMaxLength]);
            }
        }

        return c =>
        {
            c.OwnerMxPost = ownerMx;
            c.OwnerMxPostId = ownerMx!.Id;
            c.OwnerUsPost = ownerUs;
            c.OwnerUsPostId = ownerUs!.Id;
            if (!keepHidden)
            {
                c.Origin = origin;
                c.Engagement = engagement;
                c.EngagementId = engagement?.Id;
                c.Mechanism = mechanism;
                c.MechanismId = mechanism?.Id;
                c.Instrument = instrument;
            }

            c.MadeOn = made;
            c.Due = due;
            c.IssueCodes = Engagement.JoinCodes(issues);
            c.RecommendationCodes = Engagement.JoinCodes(recommendations);
            c.Team = team;
            if (existing is null)
            {
                c.Status = CommitmentStatus.NotStarted;
                c.StatusDate = made;
            }
        };
    }

    /// <summary>A readable plan's code (the paper, <c>WHITE-PAPER-2025</c>, and imported plans).</summary>
    private Task<bool> IsPlanAsync(string code, CancellationToken cancellationToken) =>
        Db.Set<Core.Plans.Plan>().AnyAsync(p => p.Code == code, cancellationToken);

    private async Task<Post?> OwnerAsync(string? code, string field, string country, Guid? current, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            // An owner post the editor cannot read was not on their form: the edit keeps it.
            if (current is { } id && !await Db.Set<Post>().AnyAsync(p => p.Id == id, cancellationToken))
            {
                return await Db.Set<Post>().IgnoreQueryFilters().FirstAsync(p => p.Id == id, cancellationToken);
            }

            errors.Add(field, country == "MX" ? Text["Name Mexico's owner post (its code)."] : Text["Name the United States' owner post (its code)."]);
            return null;
        }

        var post = await RecordLookup.FindAsync(Db.Set<Post>(), code.Trim(), cancellationToken);
        if (post is null)
        {
            errors.Add(field, Text["Unknown post '{0}'.", code]);
        }
        else if (post.Country != country)
        {
            errors.Add(field, Text["'{0}' is a post of {1}; this owner is a post of {2}.", post.Code, post.Country, country]);
            return null;
        }

        return post;
    }

    /// <summary>
    /// A commitment's readers read its owners, its engagement and every change's evidence: each must be as open as the
    /// commitment (Shared; Internal to the same side; Restricted in a Restricted one), or a reader would learn of a
    /// record hidden from them.
    /// </summary>
    protected override async Task BeforeSaveAsync(Commitment record, FieldErrors errors, CancellationToken cancellationToken)
    {
        var changes = await Db.Set<CommitmentStatusChange>().IgnoreQueryFilters().Where(s => s.ParentId == record.Id).ToListAsync(cancellationToken);
        foreach (var change in changes)
        {
            change.FollowAccessOf(record);
        }

        await CheckAsOpenAsync(record, Db.Set<Post>(), [record.OwnerMxPostId], "ownerMx", errors, cancellationToken);
        await CheckAsOpenAsync(record, Db.Set<Post>(), [record.OwnerUsPostId], "ownerUs", errors, cancellationToken);
        if (record.EngagementId is { } engagement)
        {
            await CheckAsOpenAsync(record, Db.Set<Engagement>(), [engagement], "engagement", errors, cancellationToken);
        }

        var evidence = changes.Where(s => s.EvidenceEngagementId is not null).Select(s => s.EvidenceEngagementId!.Value).ToList();
        await CheckAsOpenAsync(record, Db.Set<Engagement>(), evidence, "confidentiality", errors, cancellationToken);
        // The recommendations and the plan it names are shown to its readers too.
        var recommendationCodes = Engagement.SplitCodes(record.RecommendationCodes).ToList();
        var recommendations = await Db.Recommendations.IgnoreQueryFilters().Where(r => recommendationCodes.Contains(r.Code)).Select(r => r.Id).ToListAsync(cancellationToken);
        await CheckAsOpenAsync(record, Db.Recommendations, recommendations, "recommendations", errors, cancellationToken);
        if (record.Origin == CommitmentOrigin.Plan && record.Instrument is { } plan)
        {
            var plans = await Db.Set<Core.Plans.Plan>().IgnoreQueryFilters().Where(p => p.Code == plan).Select(p => p.Id).ToListAsync(cancellationToken);
            await CheckAsOpenAsync(record, Db.Set<Core.Plans.Plan>(), plans, "instrument", errors, cancellationToken);
        }

        var attachments = changes.Where(s => s.EvidenceAttachmentId is not null).Select(s => s.EvidenceAttachmentId!.Value).ToList();
        await CheckAsOpenAsync(record, Db.Set<EngagementAttachment>(), attachments, "confidentiality", errors, cancellationToken);
    }

    private async Task CheckAsOpenAsync<TRecord>(Commitment record, IQueryable<TRecord> set, List<Guid> ids, string field, FieldErrors errors,
        CancellationToken cancellationToken)
        where TRecord : ContentRecord
    {
        if (ids.Count == 0)
        {
            return;
        }

        var named = await set.IgnoreQueryFilters().AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Confidentiality, x.OwnerSide }).ToListAsync(cancellationToken);
        if (named.Any(x => !AsOpen(x.Confidentiality, x.OwnerSide, record)))
        {
            errors.Add(field, Text["Someone who can read this commitment could not read a record it names. Make the commitment as private as that record, or name another."]);
        }
    }

    private static bool AsOpen(Confidentiality confidentiality, Side side, ContentRecord record) =>
        Readership.ReadableByAllReadersOf(confidentiality, side, record.Confidentiality, record.OwnerSide);

    /// <summary>
    /// Records a status change: dated on or after the previous change and the day it was made, not in the future;
    /// evidence readable by the editor and by every reader of the commitment; "Kept" only with evidence.
    /// </summary>
    public async Task<(CommitmentStatusChange? Change, FieldErrors Errors)> AddStatusAsync(Commitment commitment, StatusInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!EnumText.TryParse<CommitmentStatus>(input.Status, out var status))
        {
            errors.Add("status", Text["Unknown status '{0}'. Use one of {1}.", input.Status ?? "", string.Join(", ", Enum.GetNames<CommitmentStatus>())]);
        }

        var date = Today;
        var previous = await Db.Set<CommitmentStatusChange>().IgnoreQueryFilters().Where(s => s.ParentId == commitment.Id)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Sequence).Select(s => new { s.Date, s.Sequence }).FirstOrDefaultAsync(cancellationToken);
        var sequence = await Db.Set<CommitmentStatusChange>().IgnoreQueryFilters().Where(s => s.ParentId == commitment.Id)
            .Select(s => (int?)s.Sequence).MaxAsync(cancellationToken) ?? 0;
        if (sequence >= Commitment.MaxChanges)
        {
            errors.Add("status", Text["At most {0} status changes.", Commitment.MaxChanges]);
        }

        if (string.IsNullOrWhiteSpace(input.Date))
        {
            errors.Add("date", Text["Give the date of the change (YYYY-MM-DD)."]);
        }
        else if (!IsoDate.TryParse(input.Date, out date))
        {
            errors.Add("date", Text["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", input.Date]);
        }
        else if (date > Today.AddDays(1))
        {
            errors.Add("date", Text["The date {0} is in the future.", Iso(date)]);
        }
        else if (date < commitment.MadeOn)
        {
            errors.Add("date", Text["The date {0} is before the commitment was made ({1}).", Iso(date), Iso(commitment.MadeOn)]);
        }
        else if (previous is not null && date < previous.Date)
        {
            errors.Add("date", Text["The date {0} is before the previous change ({1}); changes are recorded in order.", Iso(date), Iso(previous.Date)]);
        }

        var noteEn = RecordAccess.Text(input.Note, "note", CommitmentStatusChange.NoteMaxLength, errors, Text, multiline: true);
        var noteEs = RecordAccess.Text(input.NoteEs, "noteEs", CommitmentStatusChange.NoteMaxLength, errors, Text, multiline: true);
        var url = RecordAccess.Text(input.EvidenceUrl, "evidenceUrl", CommitmentStatusChange.UrlMaxLength, errors, Text);
        if (url.Length > 0 && !WebAddress.IsValid(url))
        {
            errors.Add("evidenceUrl", Text["A web address starts with http:// or https://."]);
        }

        Engagement? engagement = null;
        if (!string.IsNullOrWhiteSpace(input.EvidenceEngagement))
        {
            engagement = await RecordLookup.FindAsync(Db.Set<Engagement>(), input.EvidenceEngagement.Trim(), cancellationToken);
            if (engagement is null)
            {
                errors.Add("evidenceEngagement", Text["Unknown engagement '{0}'.", input.EvidenceEngagement]);
            }
            else if (!AsOpen(engagement.Confidentiality, engagement.OwnerSide, commitment))
            {
                errors.Add("evidenceEngagement", Text["Someone who can read this commitment could not read this engagement. Give evidence as open as the commitment."]);
            }
        }

        Guid? attachment = null;
        if (!string.IsNullOrWhiteSpace(input.EvidenceAttachment))
        {
            var found = Guid.TryParse(input.EvidenceAttachment.Trim(), out var id)
                ? await Db.Set<EngagementAttachment>().AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Id, a.Confidentiality, a.OwnerSide }).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (found is null)
            {
                errors.Add("evidenceAttachment", Text["Unknown attachment '{0}'.", input.EvidenceAttachment]);
            }
            else if (!AsOpen(found.Confidentiality, found.OwnerSide, commitment))
            {
                errors.Add("evidenceAttachment", Text["Someone who can read this commitment could not read this attachment. Give evidence as open as the commitment."]);
            }
            else
            {
                attachment = found.Id;
            }
        }

        if (status == CommitmentStatus.Kept && url.Length == 0 && engagement is null && attachment is null && !errors.Has("evidenceUrl", "evidenceEngagement", "evidenceAttachment"))
        {
            errors.Add("evidence", Text["\"Kept\" needs evidence: a web address, an engagement or an attachment."]);
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var change = new CommitmentStatusChange
        {
            Id = Guid.CreateVersion7(),
            Code = RecordPart.NewCode(),
            Sequence = sequence + 1,
            Status = status,
            Date = date,
            NoteEn = noteEn.Length == 0 ? null : noteEn,
            NoteEs = noteEs.Length == 0 ? null : noteEs,
            EvidenceUrl = url.Length == 0 ? null : url,
            EvidenceEngagementId = engagement?.Id,
            EvidenceAttachmentId = attachment,
        };
        change.FollowAccessOf(commitment);
        Db.Add(change);
        // Only its state changes ([RecordState], decision 0043): a seeded commitment stays seeded. Two editors recording
        // at once take the same sequence number, and the database's unique (commitment, sequence) index refuses the
        // second (409).
        commitment.Status = status;
        commitment.StatusDate = date;
        await Db.SaveChangesAsync(cancellationToken);
        return (change, errors);
    }


    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
