using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Agenda;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Localization;
using Puente.Core.Memory;
using Puente.Core.Records;
using Puente.Core.Warning;
using Puente.Core.Water;
using Puente.Data.Access;
using Puente.Events;
using Puente.Events.Measures;
using Puente.Events.Store;
using Puente.Web.Features.Commitments;
using Puente.Web.Features.Engagements;
using Puente.Web.Features.Health;
using Puente.Web.Features.Home;

namespace Puente.Web.Features.Briefings;

/// <summary>
/// Builds a briefing on an engagement, a post, a person, a mechanism or an agenda issue from the records the reader may
/// read: every query goes through the context's access filter, so nothing here checks confidentiality. Each statement
/// is a fixed template filled with a record's fields and carries that record's id, page and marking; lists are bounded
/// so that a briefing stays about two pages and costs the same at any size of the memory (decision 0055).
/// </summary>
public sealed class BriefingService(
    PuenteDbContext db,
    EngagementService engagements,
    MechanismHealthService health,
    HomeService home,
    EventQueries events,
    IViewerAccessor viewer,
    IStringLocalizer<SharedResource> t,
    TimeProvider time)
{
    public const int MaxEngagements = 10;
    public const int MaxParticipants = 20;
    public const int MaxCounterparts = 8;
    public const int MaxOpenCommitments = 10;
    public const int MaxRecentCommitments = 5;
    public const int MaxRecommendations = 8;
    public const int MaxAlerts = 6;
    public const int MaxIndicators = 6;
    public const int MaxAssessments = 6;
    public const int MaxIssues = 10;

    /// <summary>Days before the briefing's date whose GDELT picture and closed commitments it shows.</summary>
    public const int PeriodDays = 90;

    /// <summary>Mechanisms whose briefings show the water status (the boundary and water commission and the treaties).</summary>
    public static readonly string[] WaterMechanisms = ["IBWC-CILA", "WATER-TREATY-1944", "CONVENTION-1906", "COLORADO-SHORTAGE-SHARING", "BWSCP", "COLORADO-DELTA-FLOWS"];

    public const string WaterIssue = "WATER";

    private static readonly Dyad UsaMex = new("USA", "MEX", Directed: false);

    /// <summary>What the briefing is about, gathered while its profile is written: the posts and issues its other
    /// sections follow.</summary>
    private sealed class Subject
    {
        public required BriefingKind Kind { get; init; }
        public required BilingualRecord Record { get; init; }
        public HashSet<Guid> Posts { get; } = [];
        public HashSet<string> Issues { get; } = new(StringComparer.Ordinal);
        public Guid? MechanismId { get; set; }
        public bool Water { get; set; }
    }

    /// <summary>The readable subject by id or code, or null (a record the reader cannot read is missing to them).</summary>
    public async Task<BilingualRecord?> FindAsync(BriefingKind kind, string idOrCode, CancellationToken ct) => kind switch
    {
        BriefingKind.Engagement => await RecordLookup.FindAsync(db.Set<Engagement>().AsNoTracking().Include(e => e.Mechanism), idOrCode, ct),
        BriefingKind.Post => await RecordLookup.FindAsync(db.Set<Post>().AsNoTracking().Include(p => p.Actor), idOrCode, ct),
        BriefingKind.Person => await RecordLookup.FindAsync(db.Set<Person>().AsNoTracking(), idOrCode, ct),
        BriefingKind.Mechanism => await RecordLookup.FindAsync(db.Mechanisms.AsNoTracking(), idOrCode, ct),
        BriefingKind.Issue => await RecordLookup.FindAsync(db.AgendaIssues.AsNoTracking().Include(i => i.OwnerPost), idOrCode, ct),
        _ => null,
    };

    /// <summary>The briefing on <paramref name="record"/> in <paramref name="culture"/>'s language.</summary>
    public async Task<Briefing> BuildAsync(BriefingKind kind, BilingualRecord record, CultureInfo culture, CancellationToken ct)
    {
        // The culture is the briefing's, not the request's: set here, it flows to the localizer's lookups in this call only.
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var from = today.AddDays(-PeriodDays);
        var subject = new Subject { Kind = kind, Record = record };
        var sections = new List<BriefingSection>
        {
            new("profile", t["Who and what"], await ProfileAsync(subject, today, ct), t["Nothing recorded."]),
            new("engagements", t["History of engagements"], await EngagementsAsync(subject, ct), t["No engagements recorded."]),
            new("commitments", t["Open and recent commitments"], await CommitmentsAsync(subject, from, ct), t["No commitments recorded."]),
            new("recommendations", t["The plan's related recommendations"], await RecommendationsAsync(subject, ct), t["No related recommendations."]),
            new("alerts", t["Open alerts and indicator trends"], await AlertsAndTrendsAsync(subject, ct), t["No open alerts or related indicators."]),
            new("signals", t["GDELT and the press, last {0} days", PeriodDays], await SignalsAsync(from, today, ct), t["No event data for the period."]),
        };
        if (subject.Water)
        {
            sections.Add(new("water", t["Water status"], await WaterAsync(today, ct), t["No water status available."]));
        }

        var v = viewer.Viewer;
        return new Briefing(kind, record.Id, record.Code, Bilingual.Pick(record.NameEn, record.NameEs, culture), Bilingual.IsSpanish(culture) ? "es" : "en",
            today, from, now, v.UserName, sections);
    }

    private static BriefingItem Item(string text, ContentRecord r, string type, string path, string? detail = null) =>
        new(text, new BriefingSource(type, r.Id, r.Code, path), r.Confidentiality, r.OwnerSide, string.IsNullOrWhiteSpace(detail) ? null : detail);

    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    private static string N(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);

    private static string P(string? english, string? spanish) => Bilingual.Pick(english, spanish, CultureInfo.CurrentUICulture);

    private static string Name(BilingualRecord r) => P(r.NameEn, r.NameEs);

    internal static string PathOf(string type, Guid id, string code) => type switch
    {
        nameof(Engagement) => $"/Engagements/Details/{id}",
        nameof(Post) => $"/Posts/Details/{id}",
        nameof(Person) => $"/People/Details/{id}",
        nameof(Mechanism) => $"/Mechanisms/Details/{id}",
        nameof(Commitment) => $"/Commitments/Details/{id}",
        nameof(AgendaIssue) => $"/Issues/{code}",
        nameof(Recommendation) => $"/Recommendations/{code}",
        nameof(IssuePosition) => $"/Positions/Details/{id}",
        nameof(Alert) => $"/Alerts/{id}",
        nameof(Indicator) => $"/Indicators/{id}",
        nameof(Actor) => $"/Actors/Details/{id}",
        _ => "/",
    };

    private static BriefingItem Of(string text, BilingualRecord r, string? detail = null) => Item(text, r, r.GetType().Name, PathOf(r.GetType().Name, r.Id, r.Code), detail);

    // ---- Who and what ----

    private async Task<List<BriefingItem>> ProfileAsync(Subject s, DateOnly today, CancellationToken ct)
    {
        var items = new List<BriefingItem>();
        switch (s.Record)
        {
            case Engagement e:
                s.Issues.UnionWith(Engagement.SplitCodes(e.IssueCodes));
                s.MechanismId = e.MechanismId;
                s.Water = s.Issues.Contains(WaterIssue) || (e.Mechanism is { } em && WaterMechanisms.Contains(em.Code));
                items.Add(Of(t["{0}: {1}, {2}, {3}.", Name(e), t["Kind." + e.Kind], Day(e.StartDate), e.Place.Length > 0 ? e.Place : "—"], e,
                    P(e.DescriptionEn, e.DescriptionEs)));
                if (e.Mechanism is { } under)
                {
                    items.Add(Of(e.SessionNumber is { } n ? t["Session {0} of {1}.", n, Name(under)] : t["A session of {0}.", Name(under)], under));
                }

                var outcomes = P(e.OutcomesEn, e.OutcomesEs);
                if (outcomes.Length > 0)
                {
                    items.Add(Of(t["Outcomes recorded: {0}", outcomes], e));
                }

                await ParticipantsAsync(s, e, items, ct);
                break;
            case Post p:
                s.Posts.Add(p.Id);
                items.Add(Of(t["{0}, {1} ({2}).", Name(p), p.Actor is { } actor ? Name(actor) : "—", t["Country." + p.Country]], p, P(p.DescriptionEn, p.DescriptionEs)));
                await HolderAsync(p, today, items, ct);
                await CounterpartsAsync(p, today, items, ct);
                await OwnedIssuesAsync(s, ct);
                break;
            case Person person:
                items.Add(Of(person.Honorific.Length > 0 ? $"{person.Honorific} {Name(person)}" : Name(person), person, P(person.DescriptionEn, person.DescriptionEs)));
                var held = await db.Set<Tenure>().AsNoTracking().Include(x => x.Post)
                    .Where(x => x.PersonId == person.Id && x.From <= today && (x.To == null || x.To > today))
                    .OrderBy(x => x.From).Take(MaxCounterparts).ToListAsync(ct);
                foreach (var tenure in held.Where(x => x.Post is not null))
                {
                    s.Posts.Add(tenure.PostId);
                    items.Add(Item(t["Holds {0} since {1}{2}.", Name(tenure.Post!), Day(tenure.From), tenure.Acting ? t[" (acting)"] : ""], tenure, nameof(Post),
                        PathOf(nameof(Post), tenure.PostId, tenure.Post!.Code)));
                    await CounterpartsAsync(tenure.Post!, today, items, ct);
                }

                if (held.Count == 0)
                {
                    items.Add(Of(t["Holds no post on {0} in the records you can read.", Day(today)], person));
                }

                await OwnedIssuesAsync(s, ct);
                break;
            case Mechanism m:
                s.MechanismId = m.Id;
                s.Water = WaterMechanisms.Contains(m.Code);
                var mechanismIssues = await db.AgendaIssues.AsNoTracking().Where(i => EF.Functions.Like(i.MechanismCodes, "%," + m.Code + ",%"))
                    .OrderBy(i => i.Code).Select(i => i.Code).Take(MaxIssues).ToListAsync(ct);
                s.Issues.UnionWith(mechanismIssues);
                items.Add(Of(t["{0} ({1}).", Name(m), t[m.Cadence.ToString()]], m, P(m.DescriptionEn, m.DescriptionEs)));
                await HealthAsync(m, today, items, ct);
                break;
            case AgendaIssue i:
                s.Issues.Add(i.Code);
                s.Water = i.Code == WaterIssue || Engagement.SplitCodes(i.MechanismCodes).Any(WaterMechanisms.Contains);
                items.Add(Of(Name(i), i, P(i.DescriptionEn, i.DescriptionEs)));
                if (i.OwnerPost is { } owner)
                {
                    s.Posts.Add(owner.Id);
                    items.Add(Of(t["Owner post: {0}.", Name(owner)], owner));
                }

                await PositionsAsync(i, items, ct);
                break;
        }

        return items;
    }

    private async Task ParticipantsAsync(Subject s, Engagement e, List<BriefingItem> items, CancellationToken ct)
    {
        // The engagement service finds the post each person held that day; the participants inherit the engagement's access.
        var participants = await engagements.ParticipantsAsync(e, CultureInfo.CurrentUICulture, ct);
        foreach (var p in participants.Take(MaxParticipants))
        {
            if (p.Post is { } post)
            {
                s.Posts.Add(post.Id);
            }

            var who = p.Person?.Name ?? p.Post?.Name ?? t["A delegation ({0})", p.Country.Length > 0 ? t["Country." + p.Country] : "—"];
            var text = (p.Person, p.Post) switch
            {
                (not null, not null) => t["{0}, {1}", who, p.Post.Name],
                _ => who,
            };
            if (p.Lead)
            {
                text = t["{0} (led the delegation)", text];
            }

            var source = p.Person is { } person
                ? new BriefingSource(nameof(Person), person.Id, person.Code, PathOf(nameof(Person), person.Id, person.Code))
                : p.Post is { } po
                    ? new BriefingSource(nameof(Post), po.Id, po.Code, PathOf(nameof(Post), po.Id, po.Code))
                    : new BriefingSource(nameof(Engagement), e.Id, e.Code, PathOf(nameof(Engagement), e.Id, e.Code));
            items.Add(new BriefingItem(t["Participant: {0}.", text], source, e.Confidentiality, e.OwnerSide, p.Role.Length > 0 ? p.Role : null));
        }
    }

    private async Task HolderAsync(Post post, DateOnly today, List<BriefingItem> items, CancellationToken ct)
    {
        var covering = await db.Set<Tenure>().AsNoTracking().Include(x => x.Person)
            .Where(x => x.PostId == post.Id && x.From <= today && (x.To == null || x.To > today)).ToListAsync(ct);
        if (Tenures.HolderOn(covering.Where(x => x.Person is not null), today) is { } holder)
        {
            items.Add(Item(t["Current holder: {0}, since {1}{2}.", Name(holder.Person!), Day(holder.From), holder.Acting ? t[" (acting)"] : ""], holder,
                nameof(Person), PathOf(nameof(Person), holder.PersonId, holder.Person!.Code)));
        }
        else
        {
            items.Add(Of(t["No holder of {0} on {1} in the records you can read.", Name(post), Day(today)], post));
        }
    }

    private async Task CounterpartsAsync(Post post, DateOnly today, List<BriefingItem> items, CancellationToken ct)
    {
        var links = await db.Set<PostCounterpart>().AsNoTracking().Include(c => c.Post).Include(c => c.Counterpart)
            .Where(c => (c.PostId == post.Id || c.CounterpartId == post.Id) && (c.From == null || c.From <= today) && (c.To == null || c.To > today))
            .OrderBy(c => c.Code).Take(MaxCounterparts).ToListAsync(ct);
        var others = links.Select(c => (Link: c, Other: c.PostId == post.Id ? c.Counterpart : c.Post)).Where(x => x.Other is not null).ToList();
        var ids = others.Select(x => x.Other!.Id).ToList();
        var tenures = await db.Set<Tenure>().AsNoTracking().Include(x => x.Person)
            .Where(x => ids.Contains(x.PostId) && x.From <= today && (x.To == null || x.To > today)).ToListAsync(ct);
        foreach (var (link, other) in others)
        {
            var holder = Tenures.HolderOn(tenures.Where(x => x.PostId == other!.Id && x.Person is not null), today);
            var text = holder is null
                ? t["Counterpart of {0}: {1} (no holder in the records you can read).", Name(post), Name(other!)]
                : t["Counterpart of {0}: {1}, held by {2}.", Name(post), Name(other!), Name(holder.Person!)];
            // The statement rests on the link, the post and the holder's tenure: it carries the most restrictive of them.
            var marks = new ContentRecord?[] { link, other, holder }.OfType<ContentRecord>().OrderByDescending(r => r.Confidentiality).First();
            items.Add(new BriefingItem(text, new BriefingSource(nameof(Post), other!.Id, other.Code, PathOf(nameof(Post), other.Id, other.Code)),
                marks.Confidentiality, marks.OwnerSide));
        }
    }

    private async Task OwnedIssuesAsync(Subject s, CancellationToken ct)
    {
        var posts = s.Posts.ToList();
        s.Issues.UnionWith(await db.AgendaIssues.AsNoTracking().Where(i => i.OwnerPostId != null && posts.Contains(i.OwnerPostId.Value))
            .OrderBy(i => i.Code).Select(i => i.Code).Take(MaxIssues).ToListAsync(ct));
        s.Water |= s.Issues.Contains(WaterIssue);
    }

    private async Task HealthAsync(Mechanism m, DateOnly today, List<BriefingItem> items, CancellationToken ct)
    {
        var h = await health.AssessAsync(m, today, ct);
        // Health is counted from the readable sessions and commitments: it is as confidential as the most confidential of them.
        var session = await db.Set<Engagement>().AsNoTracking().Where(e => e.MechanismId == m.Id).OrderByDescending(e => e.Confidentiality)
            .Select(e => new { e.Confidentiality, e.OwnerSide }).FirstOrDefaultAsync(ct);
        var commitment = await db.Set<Commitment>().AsNoTracking().Where(c => c.MechanismId == m.Id).OrderByDescending(c => c.Confidentiality)
            .Select(c => new { c.Confidentiality, c.OwnerSide }).FirstOrDefaultAsync(ct);
        var marks = new[] { (m.Confidentiality, m.OwnerSide), (session?.Confidentiality ?? 0, session?.OwnerSide ?? Side.Joint),
            (commitment?.Confidentiality ?? 0, commitment?.OwnerSide ?? Side.Joint) }.MaxBy(x => x.Item1);
        var source = new BriefingSource(nameof(Mechanism), m.Id, m.Code, PathOf(nameof(Mechanism), m.Id, m.Code));
        items.Add(new BriefingItem(t["Health on {0}: {1}. {2}", Day(today), t["Health." + h.Status], health.Explain(h.Status, m.Cadence, h.IntervalMonths)],
            source, marks.Item1, marks.Item2));
        items.Add(new BriefingItem(t["Last session: {0}; next: {1}; sessions in the last three years: {2}; open commitments: {3}.",
            h.LastSession is { } last ? Day(last) : "—", h.NextSession is { } next ? Day(next) : "—", h.SessionsLast3Years, h.Commitments.Open], source, marks.Item1, marks.Item2));
    }

    private async Task PositionsAsync(AgendaIssue issue, List<BriefingItem> items, CancellationToken ct)
    {
        var positions = await db.Set<IssuePosition>().AsNoTracking().Where(p => p.AgendaIssueId == issue.Id)
            .OrderByDescending(p => p.StatedOn).ThenBy(p => p.Code).Take(50).ToListAsync(ct);
        foreach (var p in positions.GroupBy(p => p.Side).OrderBy(g => g.Key).Select(g => g.First()))
        {
            items.Add(Of(t["Position of {0} (stated {1}): {2}", t["Side." + p.Side], Day(p.StatedOn), Name(p)], p, P(p.DescriptionEn, p.DescriptionEs)));
        }

        var assessments = await db.Set<ConvergenceAssessment>().AsNoTracking().Where(a => a.AgendaIssueId == issue.Id)
            .OrderByDescending(a => a.Date).ThenBy(a => a.Code).Take(MaxAssessments).ToListAsync(ct);
        foreach (var a in assessments)
        {
            items.Add(Item(t["Convergence on {0}: {1}.", Day(a.Date), t["Convergence." + a.Level]], a, nameof(AgendaIssue), PathOf(nameof(AgendaIssue), issue.Id, issue.Code),
                P(a.NoteEn ?? "", a.NoteEs ?? "")));
        }
    }

    // ---- History of engagements ----

    private async Task<List<BriefingItem>> EngagementsAsync(Subject s, CancellationToken ct)
    {
        var filter = new EngagementFilter();
        switch (s.Record)
        {
            case Engagement e when e.MechanismId is not null: filter.Mechanism = e.Mechanism?.Code ?? e.MechanismId.Value.ToString(); break;
            case Engagement e when s.Issues.Count > 0: filter.Issue = s.Issues.First(); break;
            case Engagement: return [];
            case Post p: filter.Post = p.Code; break;
            case Person p: filter.Person = p.Code; break;
            case Mechanism m: filter.Mechanism = m.Code; break;
            case AgendaIssue i: filter.Issue = i.Code; break;
        }

        var errors = await engagements.PrepareAsync(filter, ct);
        if (errors.Any)
        {
            return [];
        }

        // Newest first (the list's own order), one more than shown so that the engagement itself can be left out.
        var list = await engagements.FirstAsync(filter, MaxEngagements + 1, ct);
        return [.. list.Where(e => e.Id != s.Record.Id).Take(MaxEngagements).Select(e =>
            Of(t["{0}: {1} ({2}).", Day(e.StartDate), Name(e), t["Kind." + e.Kind]], e))];
    }

    // ---- Commitments ----

    private async Task<List<BriefingItem>> CommitmentsAsync(Subject s, DateOnly from, CancellationToken ct)
    {
        var all = db.Set<Commitment>().AsNoTracking();
        var id = s.Record.Id;
        var posts = s.Posts.ToList();
        IQueryable<Commitment> query = s.Record switch
        {
            Engagement e when e.MechanismId is { } m => all.Where(c => c.EngagementId == id || c.MechanismId == m),
            Engagement => all.Where(c => c.EngagementId == id),
            Post => all.Where(c => c.OwnerMxPostId == id || c.OwnerUsPostId == id),
            Person => all.Where(c => posts.Contains(c.OwnerMxPostId) || posts.Contains(c.OwnerUsPostId)),
            Mechanism => all.Where(c => c.MechanismId == id),
            AgendaIssue i => all.Where(c => EF.Functions.Like(c.IssueCodes, "%," + i.Code + ",%")),
            _ => all.Where(c => false),
        };
        var open = await query.Where(CommitmentFilter.NotClosed).OrderBy(c => c.Due == null).ThenBy(c => c.Due).ThenBy(c => c.Code)
            .Take(MaxOpenCommitments).ToListAsync(ct);
        var recent = await query.Where(c => c.StatusDate >= from).Where(c => !open.Select(o => o.Id).Contains(c.Id))
            .OrderByDescending(c => c.StatusDate).ThenBy(c => c.Code).Take(MaxRecentCommitments).ToListAsync(ct);
        var today = from.AddDays(PeriodDays);
        return [.. open.Concat(recent).Select(c => Of(
            c.Due is { } due
                ? t[due < today && open.Contains(c) ? "{0} — {1} since {2}; due {3} (overdue)." : "{0} — {1} since {2}; due {3}.", Name(c), t["CommitmentStatus." + c.Status], Day(c.StatusDate), Day(due)]
                : t["{0} — {1} since {2}; no due date.", Name(c), t["CommitmentStatus." + c.Status], Day(c.StatusDate)], c))];
    }

    // ---- Recommendations ----

    private async Task<List<BriefingItem>> RecommendationsAsync(Subject s, CancellationToken ct)
    {
        var found = new List<Recommendation>();
        foreach (var code in s.Issues.Order(StringComparer.Ordinal))
        {
            if (found.Count >= MaxRecommendations)
            {
                break;
            }

            var seen = found.Select(r => r.Id).ToList();
            found.AddRange(await db.Set<Recommendation>().AsNoTracking().Where(r => EF.Functions.Like(r.IssueCodes, "%," + code + ",%") && !seen.Contains(r.Id))
                .OrderBy(r => r.Number).ThenBy(r => r.Code).Take(MaxRecommendations - found.Count).ToListAsync(ct));
        }

        return [.. found.Select(r => Item(
            t["{0} — {1}{2}: {3}", r.Code, t["RecommendationStatus." + r.Status], r.StatusDate is { } d ? " (" + Day(d) + ")" : "", Shorten(P(r.TextEn, r.TextEs), 240)],
            r, nameof(Recommendation), PathOf(nameof(Recommendation), r.Id, r.Code)))];
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    // ---- Alerts and indicators ----

    private async Task<List<BriefingItem>> AlertsAndTrendsAsync(Subject s, CancellationToken ct)
    {
        var issues = s.Issues.ToList();
        var posts = s.Posts.ToList();
        var spanish = Bilingual.IsSpanish(CultureInfo.CurrentUICulture);
        var items = new List<BriefingItem>();
        var alerts = await db.Set<Alert>().AsNoTracking().Include(a => a.Indicator)
            .Where(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged)
            .Where(a => (a.IssueCode != null && issues.Contains(a.IssueCode)) || (a.Indicator!.OwnerPostId != null && posts.Contains(a.Indicator.OwnerPostId.Value))
                || (a.Indicator.IssueCode != null && issues.Contains(a.Indicator.IssueCode)))
            .OrderBy(a => a.Severity == Severity.High ? 0 : a.Severity == Severity.Medium ? 1 : 2).ThenByDescending(a => a.LastPeriod).ThenBy(a => a.Code).Take(MaxAlerts).ToListAsync(ct);
        foreach (var a in alerts.Where(a => a.Indicator is not null))
        {
            var facts = AlertFacts.Of(a, a.Indicator!);
            items.Add(Item(t["Alert ({0}, {1}) on {2}: {3}.", t["Severity." + a.Severity], t["AlertStatus." + a.Status], Name(a.Indicator!), AlertExplanation.Summary(facts, spanish)],
                a, nameof(Alert), PathOf(nameof(Alert), a.Id, a.Code), AlertExplanation.Text(facts, spanish)));
        }

        var indicators = await db.Set<Indicator>().AsNoTracking()
            .Where(i => (i.IssueCode != null && issues.Contains(i.IssueCode)) || (i.OwnerPostId != null && posts.Contains(i.OwnerPostId.Value)))
            .OrderBy(i => i.Code).Take(MaxIndicators).ToListAsync(ct);
        foreach (var i in indicators)
        {
            items.Add(await TrendAsync(i, spanish, ct));
        }

        return items;
    }

    /// <summary>An indicator's latest value and its direction against the one before.</summary>
    private async Task<BriefingItem> TrendAsync(Indicator i, bool spanish, CancellationToken ct)
    {
        var last = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.ParentId == i.Id).OrderByDescending(v => v.Period).Take(2).ToListAsync(ct);
        var text = last.Count switch
        {
            0 => t["{0}: no values recorded.", Name(i)],
            1 => t["{0}: {1} {2} in {3}.", Name(i), N(last[0].Value, 2), i.Unit, AlertExplanation.Period(i.Frequency, last[0].Period, spanish)],
            _ => t["{0}: {1} {2} in {3}, {4} from {5}.", Name(i), N(last[0].Value, 2), i.Unit, AlertExplanation.Period(i.Frequency, last[0].Period, spanish),
                last[0].Value > last[1].Value ? t["up"] : last[0].Value < last[1].Value ? t["down"] : t["unchanged"], N(last[1].Value, 2)],
        };
        return Of(text, i);
    }

    // ---- GDELT and the press ----

    private async Task<List<BriefingItem>> SignalsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var items = new List<BriefingItem>();
        var spanish = Bilingual.IsSpanish(CultureInfo.CurrentUICulture);
        try
        {
            var rows = await events.SummaryAsync(UsaMex, Period.Month, from, to, ct);
            foreach (var r in rows.Where(r => r.Events > 0).OrderByDescending(r => r.Period, StringComparer.Ordinal))
            {
                var conflict = (r.VerbalConflict + r.MaterialConflict) / (double)r.Events;
                items.Add(new BriefingItem(t["{0}: {1} USA–MEX events (GDELT), mean Goldstein {2}, conflict share {3}, mean tone {4}.", r.Period, N(r.Events),
                    N(r.GoldsteinMean, 2), conflict.ToString("P0", CultureInfo.CurrentCulture), N(r.ToneMean, 2)],
                    new BriefingSource("Events", null, "GDELT " + r.Period, "/Events"), Confidentiality.Shared, Side.Joint));
            }
        }
        catch (Exception ex) when (ex is EventStoreBusyException or EventStoreFormatException)
        {
            items.Add(new BriefingItem(t["The event store could not be read just now."], new BriefingSource("Events", null, "GDELT", "/Events"), Confidentiality.Shared, Side.Joint));
        }

        var derived = await db.Set<Indicator>().AsNoTracking().Where(i => HomeService.TrendCodes.Contains(i.Code)).ToListAsync(ct);
        foreach (var i in derived.OrderBy(i => Array.IndexOf(HomeService.TrendCodes, i.Code)))
        {
            items.Add(await TrendAsync(i, spanish, ct));
        }

        return items;
    }

    // ---- Water ----

    private async Task<List<BriefingItem>> WaterAsync(DateOnly today, CancellationToken ct)
    {
        var water = await home.WaterAsync(today, ct);
        // The ledger adds the readable recorded deliveries and readings to the seeded history: it is marked as the most
        // confidential of them.
        var delivery = await db.Set<WaterDeliveryRecord>().AsNoTracking().OrderByDescending(r => r.Confidentiality)
            .Select(r => new { r.Confidentiality, r.OwnerSide }).FirstOrDefaultAsync(ct);
        var reading = await db.Set<StorageReadingRecord>().AsNoTracking().OrderByDescending(r => r.Confidentiality)
            .Select(r => new { r.Confidentiality, r.OwnerSide }).FirstOrDefaultAsync(ct);
        var mark = new[] { (delivery?.Confidentiality ?? 0, delivery?.OwnerSide ?? Side.Joint), (reading?.Confidentiality ?? 0, reading?.OwnerSide ?? Side.Joint) }.MaxBy(x => x.Item1);
        var items = new List<BriefingItem>();
        var source = new BriefingSource("Water", null, "WATER", "/Water");
        if (water.RioGrande is { } rg)
        {
            items.Add(new BriefingItem(t["Rio Grande, cycle {0}", rg.Cycle] + ": " + t["Delivered {0} AF against {1} AF pro-rated to today: balance {2} AF.",
                N((double)rg.DeliveredAf), N((double)rg.ProratedObligationAf), N((double)rg.BalanceAf)], source, mark.Item1, mark.Item2));
        }

        if (water.Colorado is { } co)
        {
            var tier = co.Tier.StartsWith("Tier ", StringComparison.Ordinal) ? t["Tier {0}", co.Tier["Tier ".Length..]] : t["Tier." + co.Tier];
            items.Add(new BriefingItem(t["Colorado River, {0}", water.ColoradoYear] + ": " + t["{0}: Mexico's allotment {1} AF.", tier, N((double)co.AllotmentAf)],
                source, Confidentiality.Shared, Side.Joint));
        }

        if (water.MinuteInForce is { } minute)
        {
            items.Add(new BriefingItem(t["Minute {0} is in force until {1} ({2} days).", minute.Minute, Day(minute.ValidTo), N(minute.ValidTo.DayNumber - today.DayNumber)],
                source, Confidentiality.Shared, Side.Joint));
        }

        return items;
    }
}
