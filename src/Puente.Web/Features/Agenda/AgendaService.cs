using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Agenda;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Localization;
using Puente.Core.Memory;
using Puente.Core.Text;
using Puente.Core.Warning;
using Puente.Web.Features.Commitments;
using Puente.Web.Features.Posts;

namespace Puente.Web.Features.Agenda;

/// <summary>
/// The agenda: its issues in the paper's order (<see cref="AgendaOrder"/>), and for each its owner post, the mechanisms
/// that carry it, each side's positions, the convergence assessments and the records that name it (commitments,
/// indicators, playbooks, marked crises) — all through the access filter, so every list and count is of what the reader
/// may read. Assigning the owner and the mechanisms and adding an assessment are audited saves
/// (docs/decisions/0039-issue-positions.md).
/// </summary>
public sealed class AgendaService(PuenteDbContext db, IStringLocalizer<SharedResource> t, PostService posts, TimeProvider time)
{
    /// <summary>The most records of each kind an issue's page and answer list (the counts are of all).</summary>
    public const int MaxLinks = 20;

    public const int MaxPositions = 200;
    public const int MaxAssessments = 200;

    /// <summary>The most assessments one issue keeps.</summary>
    public const int MaxAssessmentsPerIssue = 1000;

    public const int MaxMechanisms = 20;

    /// <summary>Today (UTC): the day the owner's holder is given for.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>A readable issue by code or id, with its owner post (when readable); tracked for an assignment.</summary>
    public Task<AgendaIssue?> FindAsync(string idOrCode, bool track, CancellationToken cancellationToken)
    {
        var issues = db.AgendaIssues.Include(i => i.OwnerPost);
        return RecordLookup.FindAsync(track ? issues : issues.AsNoTracking(), idOrCode, cancellationToken);
    }

    /// <summary>The readable issues in agenda order, each with its owner, latest assessment and counts of readable positions and playbooks.</summary>
    public async Task<List<AgendaItem>> ListAsync(CancellationToken cancellationToken)
    {
        var assessments = db.Set<ConvergenceAssessment>();
        var positions = db.Set<IssuePosition>();
        var playbooks = db.Set<Playbook>();
        var rows = await db.AgendaIssues.AsNoTracking()
            .Select(i => new
            {
                Issue = i,
                Owner = i.OwnerPost == null ? null : new { i.OwnerPost.NameEn, i.OwnerPost.NameEs },
                Latest = assessments.Where(a => a.AgendaIssueId == i.Id).OrderByDescending(a => a.Date).ThenByDescending(a => a.CreatedAt)
                    .Select(a => new { a.Level, a.Date }).FirstOrDefault(),
                Positions = positions.Count(p => p.AgendaIssueId == i.Id),
                Playbooks = playbooks.Count(p => p.IssueCode == i.Code),
            })
            .ToListAsync(cancellationToken);
        return
        [
            .. AgendaOrder.Sort(rows, r => r.Issue.Code, r => r.Issue.Section, r => r.Issue.EarlyCrisisRisk)
                .Select(r => new AgendaItem(r.Issue, AgendaOrder.Group(r.Issue.Code, r.Issue.EarlyCrisisRisk),
                    r.Owner is null ? null : Bilingual.Pick(r.Owner.NameEn, r.Owner.NameEs, CultureInfo.CurrentUICulture), r.Latest?.Level, r.Latest?.Date, r.Positions, r.Playbooks)),
        ];
    }

    /// <summary>Everything the issue's page and <c>GET /api/v1/issues/{code}</c> show, as the reader may read it.</summary>
    public async Task<IssueView> ViewAsync(AgendaIssue issue, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        OwnerDto? owner = null;
        if (issue.OwnerPost is { } post)
        {
            owner = new OwnerDto(PostService.PostOf(post, culture), await posts.HolderAsync(post.Id, Today, cancellationToken));
        }

        var codes = Engagement.SplitCodes(issue.MechanismCodes);
        var mechanisms = (await db.Mechanisms.AsNoTracking().Where(m => codes.Contains(m.Code)).ToListAsync(cancellationToken))
            .OrderBy(m => IndexOf(codes, m.Code)).ToList();
        var positions = await db.Set<IssuePosition>().AsNoTracking().Include(p => p.AgendaIssue).Where(p => p.AgendaIssueId == issue.Id)
            .OrderByDescending(p => p.StatedOn).ThenByDescending(p => p.UpdatedAt).Take(MaxPositions).ToListAsync(cancellationToken);
        var assessments = await db.Set<ConvergenceAssessment>().AsNoTracking().Where(a => a.AgendaIssueId == issue.Id)
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.CreatedAt).Take(MaxAssessments).ToListAsync(cancellationToken);

        var code = issue.Code;
        var pattern = "%," + code + ",%"; // a catalog code has no LIKE wildcard
        var commitments = db.Set<Commitment>().AsNoTracking().Where(c => EF.Functions.Like(c.IssueCodes, pattern));
        var indicators = db.Set<Indicator>().AsNoTracking().Where(i => i.IssueCode == code);
        var playbooks = db.Set<Playbook>().AsNoTracking().Where(p => p.IssueCode == code);
        var crises = db.Set<MarkedCrisis>().AsNoTracking().Where(c => c.IssueCode == code);
        return new IssueView(issue, owner, mechanisms, positions, assessments,
            await LinksAsync(commitments.OrderByDescending(c => c.MadeOn).ThenBy(c => c.Code), culture, cancellationToken),
            await LinksAsync(indicators.OrderBy(i => i.Code), culture, cancellationToken),
            await LinksAsync(playbooks.OrderBy(p => p.Code), culture, cancellationToken),
            await LinksAsync(crises.OrderByDescending(c => c.Start).ThenBy(c => c.Code), culture, cancellationToken));
    }

    private static async Task<LinkList> LinksAsync<TRecord>(IQueryable<TRecord> records, CultureInfo culture, CancellationToken cancellationToken)
        where TRecord : Core.Records.BilingualRecord
    {
        var count = await records.CountAsync(cancellationToken);
        var items = count == 0 ? [] : await records.Take(MaxLinks).Select(r => new { r.Id, r.Code, r.NameEn, r.NameEs }).ToListAsync(cancellationToken);
        return new LinkList(count, [.. items.Select(r => new LinkRef(r.Id, r.Code, Bilingual.Pick(r.NameEn, r.NameEs, culture)))]);
    }

    private static int IndexOf(IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (string.Equals(codes[i], code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return codes.Count;
    }

    /// <summary>
    /// Assigns the owner post (<paramref name="owner"/> given: its post, or none) and/or the mechanisms
    /// (<paramref name="mechanisms"/> given: the whole list) of a tracked issue and saves; nothing is saved when a field
    /// is wrong. A post or mechanism must be readable by the editor and as open as the issue (every reader of the issue
    /// reads them). A mechanism the editor cannot read stays on the list: it was not on their form.
    /// </summary>
    public async Task<FieldErrors> AssignAsync(AgendaIssue issue, OwnerInput? owner, MechanismsInput? mechanisms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var errors = new FieldErrors();
        Post? post = null;
        if (owner is not null && !string.IsNullOrWhiteSpace(owner.Post))
        {
            post = await RecordLookup.FindAsync(db.Set<Post>(), owner.Post.Trim(), cancellationToken);
            if (post is null)
            {
                errors.Add("post", t["Unknown post '{0}'.", owner.Post]);
            }
            else if (!Readership.ReadableByAllReadersOf(post.Confidentiality, post.OwnerSide, issue.Confidentiality, issue.OwnerSide))
            {
                errors.Add("post", t["Someone who can read this issue could not read this post. Name a post as open as the issue."]);
            }
        }

        string? joined = null;
        if (mechanisms is not null)
        {
            var codes = await RecordLookup.CodesAsync(mechanisms.Mechanisms ?? [], db.Mechanisms.Select(m => m.Code), "mechanisms", MaxMechanisms, errors, t, cancellationToken);
            if (!errors.Has("mechanisms"))
            {
                var ids = await db.Mechanisms.Where(m => codes.Contains(m.Code)).Select(m => m.Id).ToListAsync(cancellationToken);
                if (!await RecordAccess.NamedAreAsOpenAsync(db.Mechanisms, ids, issue, cancellationToken))
                {
                    errors.Add("mechanisms", t["Someone who can read this issue could not read a mechanism named. Name mechanisms as open as the issue."]);
                }

                var current = Engagement.SplitCodes(issue.MechanismCodes);
                var readable = await db.Mechanisms.Where(m => current.Contains(m.Code)).Select(m => m.Code).ToListAsync(cancellationToken);
                joined = Engagement.JoinCodes([.. codes, .. current.Where(c => !readable.Contains(c))]);
                if (joined.Length > AgendaIssue.MechanismCodesMaxLength)
                {
                    errors.Add("mechanisms", t["At most {0} codes.", MaxMechanisms]);
                }
            }
        }

        var version = owner?.Version ?? mechanisms?.Version;
        if (errors.Any)
        {
            return errors;
        }

        if (version is { } seen)
        {
            db.Entry(issue).Property(i => i.Version).OriginalValue = seen;
        }

        if (owner is not null)
        {
            issue.OwnerPost = post;
            issue.OwnerPostId = post?.Id;
        }

        if (joined is not null)
        {
            issue.MechanismCodes = joined;
        }

        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>
    /// Adds a dated convergence assessment to an issue: a date not in the future, a level, a note in each language, and
    /// its access (by default Internal to the assessor's side), as open as the issue at most. Audited by the save.
    /// </summary>
    public async Task<(ConvergenceAssessment? Assessment, FieldErrors Errors)> AddConvergenceAsync(AgendaIssue issue, ConvergenceInput input,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var date = default(DateOnly);
        if (string.IsNullOrWhiteSpace(input.Date))
        {
            errors.Add("date", t["Give the date of the assessment (YYYY-MM-DD)."]);
        }
        else if (!IsoDate.TryParse(input.Date, out date))
        {
            errors.Add("date", t["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", input.Date]);
        }
        else if (date > CrisisRules.LatestToday(time.GetUtcNow()))
        {
            errors.Add("date", t["The date {0} is in the future.", input.Date.Trim()]);
        }

        if (!EnumText.TryParse<Convergence>(input.Level, out var level))
        {
            errors.Add("level", t["Unknown level '{0}'. Use Converge, Partly or Diverge.", input.Level ?? ""]);
        }

        var noteEn = RecordAccess.Text(input.NoteEn, "noteEn", ConvergenceAssessment.NoteMaxLength, errors, t, multiline: true);
        var noteEs = RecordAccess.Text(input.NoteEs, "noteEs", ConvergenceAssessment.NoteMaxLength, errors, t, multiline: true);
        if (await db.Set<ConvergenceAssessment>().IgnoreQueryFilters().CountAsync(a => a.AgendaIssueId == issue.Id, cancellationToken) >= MaxAssessmentsPerIssue)
        {
            errors.Add("date", t["This issue already has {0} assessments, the most it keeps.", MaxAssessmentsPerIssue]);
        }

        var access = await RecordAccess.ValidateAsync(new AccessInput
        {
            Confidentiality = string.IsNullOrWhiteSpace(input.Confidentiality) ? nameof(Confidentiality.Internal) : input.Confidentiality,
            OwnerSide = input.OwnerSide,
            Grants = input.Grants,
        }, null, db, db.Viewer, errors, t, cancellationToken);
        if (access is not null && !Readership.ReadableByAllReadersOf(issue.Confidentiality, issue.OwnerSide, access.Confidentiality, access.OwnerSide))
        {
            errors.Add("confidentiality", t["Someone who can read this assessment could not read its agenda issue. Make the assessment as private as the issue."]);
        }

        if (errors.Any || access is null)
        {
            return (null, errors);
        }

        var assessment = new ConvergenceAssessment
        {
            Id = Guid.CreateVersion7(),
            Code = $"CA-{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(5))}",
            AgendaIssueId = issue.Id,
            Date = date,
            Level = level,
            NoteEn = noteEn.Length == 0 ? null : noteEn,
            NoteEs = noteEs.Length == 0 ? null : noteEs,
        };
        db.Add(assessment);
        await RecordAccess.ApplyAsync(db, assessment, access, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (assessment, errors);
    }
}

/// <summary>An issue as its page shows it: the records are those the reader may read.</summary>
public sealed record IssueView(AgendaIssue Issue, OwnerDto? Owner, List<Mechanism> Mechanisms, List<IssuePosition> Positions,
    List<ConvergenceAssessment> Assessments, LinkList Commitments, LinkList Indicators, LinkList Playbooks, LinkList Crises)
{
    /// <summary>The readable positions of one side, newest first.</summary>
    public IEnumerable<IssuePosition> Of(Side side) => Positions.Where(p => p.Side == side);

    public IssueDetailsDto ToDto(CultureInfo culture)
    {
        var i = Issue;
        var history = Assessments.Select(a => ConvergenceDto.From(a, culture)).ToList();
        return new IssueDetailsDto(i.Id, i.Code, i.Section, Bilingual.Pick(i.NameEn, i.NameEs, culture), i.NameEn, i.NameEs,
            Bilingual.Pick(i.DescriptionEn, i.DescriptionEs, culture), i.DescriptionEn, i.DescriptionEs, i.EarlyCrisisRisk, i.Version,
            Owner, [.. Mechanisms.Select(m => new MechanismRef(m.Id, m.Code, Bilingual.Pick(m.NameEn, m.NameEs, culture)))],
            [.. Positions.Select(p => PositionDto.From(p, culture))], history.FirstOrDefault(), history,
            Commitments, Indicators, Playbooks, Crises);
    }
}
