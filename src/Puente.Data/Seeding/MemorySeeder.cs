using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Audit;
using Puente.Core.Catalog;
using Puente.Core.Memory;

namespace Puente.Data.Seeding;

/// <summary>
/// Seeds the institutional memory from the data files embedded from <c>Memory/*.json</c>: people, the posts with
/// their tenures and counterparts, and the dated sessions of the mechanisms as Shared engagements with their leads.
/// Upserts by code like the catalog (<see cref="SeedUpsert"/>): a later release updates what it seeded and nothing a
/// person edited; tenures and counterparts have codes derived from what they join, so a second run adds nothing. An
/// engagement's participants are replaced only together with the engagement, while it still holds its seed.
/// Runs after <see cref="CatalogSeeder"/> (posts name actors, engagements name mechanisms, tracks and issues).
/// </summary>
public sealed class MemorySeeder(PuenteDbContext db)
{
    private const string Folder = "Memory";
    private readonly SeedUpsert _upsert = new();

    /// <summary>Seeds everything in one save (with its audit entries).</summary>
    /// <exception cref="InvalidDataException">A data file is malformed; the message names the file, entry and field.</exception>
    public async Task<SeedReport> SeedAsync(CancellationToken cancellationToken = default)
    {
        _upsert.Reset();
        var actors = await db.Actors.IgnoreQueryFilters().ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, cancellationToken);
        var mechanisms = await db.Mechanisms.IgnoreQueryFilters().ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, cancellationToken);
        var tracks = await db.Tracks.IgnoreQueryFilters().Select(t => t.Code).ToListAsync(cancellationToken);
        var issues = await db.AgendaIssues.IgnoreQueryFilters().Select(i => i.Code).ToListAsync(cancellationToken);

        var people = await _upsert.UpsertAsync(db.Set<Person>(), CatalogSeeder.Load<PersonEntry>("people.json", Folder, requireSection: false),
            e => e.Code, _ => null, (p, e, _) =>
            {
                p.NameEn = e.Name;
                p.NameEs = e.Name;
                p.Honorific = e.Honorific ?? "";
                p.Languages = string.Join(',', e.Languages ?? []);
                p.DescriptionEn = e.BioEn ?? "";
                p.DescriptionEs = e.BioEs ?? "";
            }, cancellationToken);

        var postEntries = CatalogSeeder.Load<PostEntry>("posts.json", Folder, requireSection: false);
        var posts = await _upsert.UpsertAsync(db.Set<Post>(), postEntries, e => e.Code, _ => null, (p, e, file) =>
        {
            p.Actor = actors.TryGetValue(e.Actor, out var actor) ? actor : throw CatalogSeeder.Invalid(file, e.Code, "actor", e.Actor);
            p.ActorId = actor.Id;
            p.Country = CatalogSeeder.Require(e.Country, Countries.ActorCountries, file, e.Code, "country");
            p.Seniority = CatalogSeeder.ParseEnum<Seniority>(e.Seniority, file, e.Code, "seniority");
            p.NameEn = e.NameEn;
            p.NameEs = e.NameEs;
            p.DescriptionEn = e.DescriptionEn ?? "";
            p.DescriptionEs = e.DescriptionEs ?? "";
        }, cancellationToken);

        // A seeded tenure or link that a person deleted stays deleted: its code is derived, so without this the next
        // start would find it missing and make it again.
        var deleted = (await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Action == AuditAction.Deleted && (a.EntityType == nameof(Tenure) || a.EntityType == nameof(PostCounterpart)))
                .Select(a => a.RecordLabel).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        static string TenureCode((string Post, TenureEntry Tenure) t) =>
            DerivedCode("T-", t.Post, t.Tenure.Person, t.Tenure.From.ToString("O", CultureInfo.InvariantCulture));
        static string LinkCode((string Post, CounterpartEntry Counterpart) c) =>
            DerivedCode("CP-", c.Post, c.Counterpart.Post, c.Counterpart.From?.ToString("O", CultureInfo.InvariantCulture) ?? "");
        var tenures = postEntries.SelectMany(p => (p.Entry.Tenures ?? []).Select(t => (Post: p.Entry.Code, Tenure: t)))
            .Where(t => !deleted.Contains(TenureCode(t))).ToList();
        await _upsert.UpsertAsync(db.Set<Tenure>(), [.. tenures.Select(t => (t, Hash(t)))], TenureCode, _ => null, (r, t, file) =>
            {
                r.Post = posts[t.Post];
                r.PostId = r.Post.Id;
                r.Person = people.TryGetValue(t.Tenure.Person, out var person) ? person : throw CatalogSeeder.Invalid(file, t.Post, "tenures.person", t.Tenure.Person);
                r.PersonId = person.Id;
                r.From = t.Tenure.From;
                r.To = t.Tenure.To is { } to && to <= t.Tenure.From ? throw CatalogSeeder.Invalid(file, t.Post, "tenures.to", to.ToString("O", CultureInfo.InvariantCulture)) : t.Tenure.To;
                r.Acting = t.Tenure.Acting;
                r.Certainty = t.Tenure.Certainty is null ? Certainty.Unrated : CatalogSeeder.ParseEnum<Certainty>(t.Tenure.Certainty, file, t.Post, "tenures.certainty");
                r.Note = t.Tenure.Note;
                r.NoteEs = t.Tenure.NoteEs;
                r.Source = t.Tenure.Source;
            }, cancellationToken);

        var counterparts = postEntries.SelectMany(p => (p.Entry.Counterparts ?? []).Select(c => (Post: p.Entry.Code, Counterpart: c)))
            .Where(c => !deleted.Contains(LinkCode(c))).ToList();
        await _upsert.UpsertAsync(db.Set<PostCounterpart>(), [.. counterparts.Select(c => (c, Hash(c)))], LinkCode, _ => null, (r, c, file) =>
            {
                r.Post = posts[c.Post];
                r.PostId = r.Post.Id;
                r.Counterpart = posts.TryGetValue(c.Counterpart.Post, out var other) ? other : throw CatalogSeeder.Invalid(file, c.Post, "counterparts.post", c.Counterpart.Post);
                r.CounterpartId = other.Id;
                r.From = c.Counterpart.From;
                r.To = c.Counterpart.To;
            }, cancellationToken);

        var engagementEntries = CatalogSeeder.Load<EngagementEntry>("engagements.json", Folder, requireSection: false);
        var seededNow = new List<(Engagement Record, EngagementEntry Entry)>();
        await _upsert.UpsertAsync(db.Set<Engagement>(), engagementEntries, e => e.Code, e => e.Section, (r, e, file) =>
        {
            ApplyEngagement(r, e, file, mechanisms, tracks, issues);
            seededNow.Add((r, e));
        }, cancellationToken);

        foreach (var (engagement, entry) in seededNow)
        {
            // The engagement still holds its seed (or is new): its participants are the seed's.
            var old = await db.Set<Participant>().IgnoreQueryFilters().Where(p => p.ParentId == engagement.Id).ToListAsync(cancellationToken);
            db.RemoveRange(old);
            var order = 0;
            foreach (var p in entry.Participants ?? [])
            {
                var participant = new Participant { Id = Guid.CreateVersion7(), Code = DerivedCode("P-", entry.Code, order.ToString(CultureInfo.InvariantCulture)), SortOrder = order++ };
                participant.FollowAccessOf(engagement);
                participant.Person = p.Person is null ? null
                    : people.TryGetValue(p.Person, out var person) ? person : throw CatalogSeeder.Invalid("EngagementEntry", entry.Code, "participants.person", p.Person);
                participant.PersonId = participant.Person?.Id;
                participant.Post = p.Post is null ? null
                    : posts.TryGetValue(p.Post, out var post) ? post : throw CatalogSeeder.Invalid("EngagementEntry", entry.Code, "participants.post", p.Post);
                participant.PostId = participant.Post?.Id;
                participant.Country = p.Side ?? participant.Post?.Country ?? "";
                participant.Seniority = p.Seniority is null ? null : CatalogSeeder.ParseEnum<Seniority>(p.Seniority, "EngagementEntry", entry.Code, "participants.seniority");
                participant.Lead = p.Lead;
                participant.Role = p.Role ?? "";
                participant.RoleEs = p.RoleEs ?? "";
                db.Add(participant);
            }
        }

        await SeedPlaybooksAsync(posts, mechanisms, issues, cancellationToken);

        // The commitments of the water minutes and agreements become ledger entries, owned by the two commissioners.
        // Without evidence in the water data, none is given a status: each is NotStarted until a person records one.
        var waterEntries = Water.WaterData.Minutes.SelectMany(m => m.CommitmentsEn.Select((text, i) => new WaterCommitmentEntry(
                m.CommitmentCode(i), m.Code, text, i < m.CommitmentsEs.Count ? m.CommitmentsEs[i] : text, m.Date,
                m.CommitmentsDue is { } due && i < due.Count ? due[i] : null, m.TitleEn, m.TitleEs, m.SourceEn, m.SourceEs)))
            .Select(e => (e, Hash(e))).ToList();
        var ownerMx = posts[WaterCommitmentEntry.OwnerMx];
        var ownerUs = posts[WaterCommitmentEntry.OwnerUs];
        await _upsert.UpsertAsync(db.Set<Core.Commitments.Commitment>(), waterEntries, e => e.Code, _ => "VII", (c, e, file) =>
        {
            var made = WaterCommitmentEntry.Day(e.Date) ?? throw CatalogSeeder.Invalid(file, e.Code, "date", e.Date);
            c.NameEn = e.TextEn;
            c.NameEs = e.TextEs;
            c.DescriptionEn = $"{e.TitleEn}. Source: {e.SourceEn}. Date as precise as the source gives it: {e.Date}.";
            c.DescriptionEs = $"{e.TitleEs}. Fuente: {e.SourceEs}. Fecha con la precisión que da la fuente: {e.Date}.";
            c.Origin = Core.Commitments.CommitmentOrigin.WaterMinute;
            c.Instrument = e.Instrument;
            c.MadeOn = made;
            c.Due = e.Due is null ? null : WaterCommitmentEntry.Day(e.Due) ?? throw CatalogSeeder.Invalid(file, e.Code, "due", e.Due);
            c.OwnerMxPost = ownerMx;
            c.OwnerMxPostId = ownerMx.Id;
            c.OwnerUsPost = ownerUs;
            c.OwnerUsPostId = ownerUs.Id;
            c.IssueCodes = issues.Contains("WATER") ? ",WATER," : "";
            if (c.Version == 0)
            {
                c.Status = Core.Commitments.CommitmentStatus.NotStarted;
                c.StatusDate = made;
            }

            c.Confidentiality = Core.Access.Confidentiality.Shared;
            c.OwnerSide = Core.Access.Side.Joint;
        }, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return _upsert.Report;
    }

    /// <summary>
    /// The playbooks of <c>Memory/playbooks.json</c>: Shared, filed by Joint, each naming a seeded issue, owner post and
    /// mechanism (or a channel), with as many steps in Spanish as in English.
    /// </summary>
    private async Task SeedPlaybooksAsync(Dictionary<string, Post> posts, Dictionary<string, Mechanism> mechanisms, List<string> issues,
        CancellationToken cancellationToken)
    {
        await _upsert.UpsertAsync(db.Set<Core.Warning.Playbook>(), CatalogSeeder.Load<PlaybookEntry>("playbooks.json", Folder), e => e.Code, e => e.Section,
            (p, e, file) =>
            {
                p.NameEn = e.TitleEn;
                p.NameEs = e.TitleEs;
                p.DescriptionEn = e.WhenEn;
                p.DescriptionEs = e.WhenEs;
                p.IssueCode = e.Issue is null ? null : issues.Contains(e.Issue) ? e.Issue : throw CatalogSeeder.Invalid(file, e.Code, "issue", e.Issue);
                p.IndicatorId = null; // indicators are imported after the seed; a playbook of an indicator is written by people
                p.Mechanism = e.Mechanism is null ? null
                    : mechanisms.TryGetValue(e.Mechanism, out var mechanism) ? mechanism : throw CatalogSeeder.Invalid(file, e.Code, "mechanism", e.Mechanism);
                p.MechanismId = p.Mechanism?.Id;
                p.ChannelEn = e.ChannelEn ?? "";
                p.ChannelEs = e.ChannelEs ?? "";
                if (p.Mechanism is null && p.ChannelEn.Length == 0)
                {
                    throw CatalogSeeder.Invalid(file, e.Code, "channelEn", "(neither a mechanism nor a channel)");
                }

                p.OwnerPost = posts.TryGetValue(e.Owner, out var owner) ? owner : throw CatalogSeeder.Invalid(file, e.Code, "owner", e.Owner);
                p.OwnerPostId = owner.Id;
                if (e.StepsEn.Count == 0 || e.StepsEn.Count != e.StepsEs.Count || e.StepsEn.Count > Core.Warning.PlaybookSteps.MaxSteps)
                {
                    throw CatalogSeeder.Invalid(file, e.Code, "stepsEs", $"{e.StepsEn.Count} English and {e.StepsEs.Count} Spanish steps");
                }

                p.StepsEn = Core.Warning.PlaybookSteps.Join(e.StepsEn);
                p.StepsEs = Core.Warning.PlaybookSteps.Join(e.StepsEs);
                p.Confidentiality = Core.Access.Confidentiality.Shared;
                p.OwnerSide = Core.Access.Side.Joint;
            }, cancellationToken);
    }

    private static void ApplyEngagement(Engagement r, EngagementEntry e, string file, Dictionary<string, Mechanism> mechanisms,
        List<string> tracks, List<string> issues)
    {
        r.Kind = CatalogSeeder.ParseEnum<EngagementKind>(e.Kind, file, e.Code, "kind");
        r.NameEn = e.TitleEn;
        r.NameEs = e.TitleEs;
        r.DescriptionEn = e.SummaryEn ?? "";
        r.DescriptionEs = e.SummaryEs ?? "";
        r.OutcomesEn = e.OutcomesEn ?? "";
        r.OutcomesEs = e.OutcomesEs ?? "";
        var zone = LocalTime.Zone(e.TimeZone) ?? throw CatalogSeeder.Invalid(file, e.Code, "timeZone", e.TimeZone);
        r.TimeZone = e.TimeZone;
        var start = LocalDay(e.Start) ?? throw CatalogSeeder.Invalid(file, e.Code, "start", e.Start);
        var end = e.End is null ? start : LocalDay(e.End) ?? throw CatalogSeeder.Invalid(file, e.Code, "end", e.End);
        if (end < start)
        {
            throw CatalogSeeder.Invalid(file, e.Code, "end", e.End);
        }

        // The files give days: all-day engagements, from the first day's midnight to the last day's, local time.
        r.AllDay = true;
        r.StartLocal = start.ToDateTime(TimeOnly.MinValue);
        r.EndLocal = end.ToDateTime(TimeOnly.MinValue);
        r.StartUtc = LocalTime.ToUtc(r.StartLocal, zone) ?? r.StartLocal;
        r.EndUtc = LocalTime.ToUtc(r.EndLocal, zone) ?? r.EndLocal;
        r.StartDate = start;
        r.Place = e.Place ?? "";
        r.Mechanism = e.Mechanism is null ? null
            : mechanisms.TryGetValue(e.Mechanism, out var mechanism) ? mechanism : throw CatalogSeeder.Invalid(file, e.Code, "mechanism", e.Mechanism);
        r.MechanismId = r.Mechanism?.Id;
        r.SessionNumber = e.Session;
        r.TrackCodes = Engagement.JoinCodes((e.Tracks ?? []).Select(t => tracks.Contains(t) ? t : throw CatalogSeeder.Invalid(file, e.Code, "tracks", t)));
        r.IssueCodes = Engagement.JoinCodes((e.Issues ?? []).Select(i => issues.Contains(i) ? i : throw CatalogSeeder.Invalid(file, e.Code, "issues", i)));
        r.Sources = string.Join('\n', (e.Sources ?? []).Take(Engagement.MaxSources));
        r.Certainty = e.Certainty is null ? Certainty.Unrated : CatalogSeeder.ParseEnum<Certainty>(e.Certainty, file, e.Code, "certainty");
        r.CertaintyNote = e.CertaintyNote;
        r.CertaintyNoteEs = e.CertaintyNoteEs;
        r.Confidentiality = Core.Access.Confidentiality.Shared;
        r.OwnerSide = Core.Access.Side.Joint;
    }

    private static DateOnly? LocalDay(string text) => Core.Text.IsoDate.TryParse(text, out var day) ? day : null;

    private static string Hash<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value)));

    /// <summary>A stable code for a seeded record that has none of its own, from what identifies it.</summary>
    private static string DerivedCode(string prefix, params string[] parts) =>
        prefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))))[..32];
}
