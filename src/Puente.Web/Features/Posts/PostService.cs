using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Localization;
using Puente.Core.Memory;
using Puente.Core.Text;

namespace Puente.Web.Features.Posts;

/// <summary>
/// Posts for the pages and the API: the fields only posts have; who holds a post on a day; its counterparts and their
/// holders; the tenures of a post or a person; and the writes of tenures and counterpart links. Every read goes through
/// the access filter: a tenure or a person the reader cannot read is not there for them (the post looks vacant).
/// </summary>
public sealed class PostService(PuenteDbContext db, IStringLocalizer<SharedResource> t) : RecordService<Post, PostInput>(db, t)
{
    public const int MaxTenuresListed = 500;

    protected override IQueryable<Post> Query => Db.Set<Post>().Include(p => p.Actor);

    /// <summary>The holder of <paramref name="post"/> on <paramref name="day"/> (see <see cref="Tenures.HolderOn"/>).</summary>
    public async Task<HolderDto?> HolderAsync(Guid post, DateOnly day, CancellationToken cancellationToken) =>
        (await HoldersAsync([post], day, cancellationToken)).GetValueOrDefault(post);

    /// <summary>The holders of several posts on one day, by post id (posts without a readable holder are absent).</summary>
    public async Task<Dictionary<Guid, HolderDto>> HoldersAsync(IReadOnlyCollection<Guid> posts, DateOnly day, CancellationToken cancellationToken)
    {
        var covering = await Db.Set<Tenure>().AsNoTracking().Include(x => x.Person)
            .Where(x => posts.Contains(x.PostId) && x.From <= day && (x.To == null || x.To > day))
            .ToListAsync(cancellationToken);
        var holders = new Dictionary<Guid, HolderDto>();
        foreach (var group in covering.Where(x => x.Person is not null).GroupBy(x => x.PostId))
        {
            var tenure = Tenures.HolderOn(group, day)!;
            holders[group.Key] = new HolderDto(PersonOf(tenure.Person!), tenure.From, tenure.To, tenure.Acting);
        }

        return holders;
    }

    /// <summary>The counterparts of <paramref name="post"/> on <paramref name="day"/>, both ways, with their holders.</summary>
    public async Task<List<CounterpartItem>> CounterpartsAsync(Guid post, DateOnly day, CultureInfo culture, CancellationToken cancellationToken)
    {
        var links = await Db.Set<PostCounterpart>().AsNoTracking()
            .Where(c => (c.PostId == post || c.CounterpartId == post) && (c.From == null || c.From <= day) && (c.To == null || c.To > day))
            .ToListAsync(cancellationToken);
        var otherIds = links.Select(c => c.PostId == post ? c.CounterpartId : c.PostId).Distinct().ToList();
        var others = await Query.AsNoTracking().Where(p => otherIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var holders = await HoldersAsync(otherIds, day, cancellationToken);
        return [.. links
            .Select(c => (Link: c, Other: others.GetValueOrDefault(c.PostId == post ? c.CounterpartId : c.PostId)))
            .Where(x => x.Other is not null)
            .OrderBy(x => x.Other!.Country).ThenBy(x => x.Other!.Code)
            .Select(x => new CounterpartItem(PostDto.From(x.Other!, culture), holders.GetValueOrDefault(x.Other!.Id), x.Link.Id, x.Link.From, x.Link.To))];
    }

    /// <summary>The readable tenures of a post, newest first.</summary>
    public Task<List<TenureDto>> TenuresOfPostAsync(Guid post, CultureInfo culture, CancellationToken cancellationToken) =>
        TenureList(Db.Set<Tenure>().Where(x => x.PostId == post), culture, cancellationToken);

    /// <summary>The readable tenures of a person (the posts they held), newest first.</summary>
    public Task<List<TenureDto>> TenuresOfPersonAsync(Guid person, CultureInfo culture, CancellationToken cancellationToken) =>
        TenureList(Db.Set<Tenure>().Where(x => x.PersonId == person), culture, cancellationToken);

    private static async Task<List<TenureDto>> TenureList(IQueryable<Tenure> tenures, CultureInfo culture, CancellationToken cancellationToken)
    {
        // A tenure whose person or post the reader cannot read is not listed (it would show an unnamed holder or post).
        var list = await tenures.AsNoTracking().Include(x => x.Person).Include(x => x.Post)
            .Where(x => x.Person != null && x.Post != null)
            .OrderByDescending(x => x.From).Take(MaxTenuresListed).ToListAsync(cancellationToken);
        return [.. list.Select(x => new TenureDto(x.Id, x.Person is null ? null : PersonOf(x.Person),
            x.Post is null ? null : PostOf(x.Post, culture), x.From, x.To, x.Acting, x.Certainty.ToString(),
            x.Note is null && x.NoteEs is null ? null : Bilingual.Pick(x.Note ?? "", x.NoteEs ?? "", culture), x.Source,
            x.Confidentiality.ToString(), x.OwnerSide.ToString(), x.Note, x.NoteEs))];
    }

    internal static PersonRef PersonOf(Person p) => new(p.Id, p.Code, p.NameEn.Length > 0 ? p.NameEn : p.NameEs);

    internal static PostRef PostOf(Post p, CultureInfo culture) =>
        new(p.Id, p.Code, Bilingual.Pick(p.NameEn, p.NameEs, culture), p.Country, p.Seniority.ToString());

    /// <summary>Adds a tenure to a post: the person must be readable; a substantive tenure must not overlap another.</summary>
    public async Task<(Tenure? Tenure, FieldErrors Errors)> AddTenureAsync(Post post, TenureInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        Person? person = null;
        if (string.IsNullOrWhiteSpace(input.Person))
        {
            errors.Add("person", Text["Name the person (their code)."]);
        }
        else
        {
            person = await RecordLookup.FindAsync(Db.Set<Person>(), input.Person, cancellationToken);
            if (person is null)
            {
                errors.Add("person", Text["Unknown person '{0}'.", input.Person]);
            }
        }

        var from = DateField(input.From, "from", required: true, errors);
        var to = DateField(input.To, "to", required: false, errors);
        if (from is { } f && to is { } tt && tt <= f)
        {
            errors.Add("to", Text["The end is the first day out of office, after the start."]);
        }

        var note = RecordAccess.Text(input.Note, "note", Tenure.NoteMaxLength, errors, Text);
        var noteEs = RecordAccess.Text(input.NoteEs, "noteEs", Tenure.NoteMaxLength, errors, Text);
        var source = RecordAccess.Text(input.Source, "source", Tenure.SourceMaxLength, errors, Text);
        if (source.Length > 0 && !WebAddress.IsValid(source))
        {
            errors.Add("source", Text["A web address starts with http:// or https://."]);
        }

        var access = await RecordAccess.ValidateAsync(new AccessInput { Confidentiality = input.Confidentiality, OwnerSide = input.OwnerSide },
            null, Db, Db.Viewer, errors, Text, cancellationToken);
        if (errors.Any || access is null || person is null || from is null)
        {
            return (null, errors);
        }

        var candidate = new Tenure { Id = Guid.CreateVersion7(), PostId = post.Id, PersonId = person.Id, From = from.Value, To = to, Acting = input.Acting };
        if (!candidate.Acting)
        {
            // Only tenures the editor can read: a hidden one must neither block them nor be probed by their attempts.
            var others = await Db.Set<Tenure>().AsNoTracking()
                .Where(x => x.PostId == post.Id && !x.Acting && (x.To == null || x.To > candidate.From) && (candidate.To == null || x.From < candidate.To))
                .AnyAsync(cancellationToken);
            if (others)
            {
                errors.Add("from", Text["This period overlaps another holder of the post; end that tenure first, or mark this one as acting."]);
                return (null, errors);
            }
        }

        candidate.Code = Core.Records.RecordPart.NewCode().Replace("P-", "T-", StringComparison.Ordinal);
        candidate.Note = note.Length == 0 ? null : note;
        candidate.NoteEs = noteEs.Length == 0 ? null : noteEs;
        candidate.Source = source.Length == 0 ? null : source;
        Db.Add(candidate);
        await RecordAccess.ApplyAsync(Db, candidate, access, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        return (candidate, errors);
    }

    /// <summary>Ends or removes nothing else: deletes one readable tenure of a post (audited).</summary>
    public async Task<bool> RemoveTenureAsync(Post post, Guid tenureId, CancellationToken cancellationToken)
    {
        var tenure = await Db.Set<Tenure>().FirstOrDefaultAsync(x => x.Id == tenureId && x.PostId == post.Id, cancellationToken);
        if (tenure is null || !MayRemove(Db.Viewer, tenure))
        {
            return false;
        }

        Db.Remove(tenure);
        await Db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Links two posts of different countries as counterparts (once: the link is read both ways).</summary>
    public async Task<(PostCounterpart? Link, FieldErrors Errors)> AddCounterpartAsync(Post post, CounterpartInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var other = string.IsNullOrWhiteSpace(input.Post) ? null : await RecordLookup.FindAsync(Db.Set<Post>(), input.Post, cancellationToken);
        if (other is null)
        {
            errors.Add("post", Text["Unknown post '{0}'.", input.Post ?? ""]);
        }
        else if (other.Id == post.Id || other.Country == post.Country)
        {
            errors.Add("post", Text["A counterpart is a post of the other country."]);
        }

        var from = DateField(input.From, "from", required: false, errors);
        var to = DateField(input.To, "to", required: false, errors);
        if (from is { } f && to is { } tt && tt <= f)
        {
            errors.Add("to", Text["The end is the first day the link no longer holds, after the start."]);
        }

        if (errors.Any || other is null)
        {
            return (null, errors);
        }

        var exists = await Db.Set<PostCounterpart>().IgnoreQueryFilters().AnyAsync(c =>
            ((c.PostId == post.Id && c.CounterpartId == other.Id) || (c.PostId == other.Id && c.CounterpartId == post.Id)) && c.From == from, cancellationToken);
        if (exists)
        {
            errors.Add("post", Text["These posts are already linked from that date."]);
            return (null, errors);
        }

        var link = new PostCounterpart
        {
            Id = Guid.CreateVersion7(),
            Code = Core.Records.RecordPart.NewCode().Replace("P-", "CP-", StringComparison.Ordinal)[..34],
            PostId = post.Id, CounterpartId = other.Id, From = from, To = to,
            Confidentiality = Core.Access.Confidentiality.Shared, OwnerSide = Core.Access.Side.Joint,
        };
        Db.Add(link);
        await Db.SaveChangesAsync(cancellationToken);
        return (link, errors);
    }

    /// <summary>Removes a readable counterpart link of a post (audited).</summary>
    public async Task<bool> RemoveCounterpartAsync(Post post, Guid linkId, CancellationToken cancellationToken)
    {
        var link = await Db.Set<PostCounterpart>().FirstOrDefaultAsync(c => c.Id == linkId && (c.PostId == post.Id || c.CounterpartId == post.Id), cancellationToken);
        if (link is null || !MayRemove(Db.Viewer, link))
        {
            return false;
        }

        Db.Remove(link);
        await Db.SaveChangesAsync(cancellationToken);
        return true;
    }

    protected override async Task<Action<Post>> ValidateAsync(PostInput input, Post? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        Actor? actor = null;
        if (string.IsNullOrWhiteSpace(input.ActorCode))
        {
            errors.Add("actorCode", Text["Name the actor the post is at."]);
        }
        else
        {
            actor = await RecordLookup.FindAsync(Db.Actors, input.ActorCode, cancellationToken);
            if (actor is null)
            {
                errors.Add("actorCode", Text["Unknown actor '{0}'.", input.ActorCode]);
            }
        }

        var country = string.IsNullOrWhiteSpace(input.Country) ? actor?.Country ?? "" : input.Country.Trim().ToUpperInvariant();
        if (actor is not null && !Countries.ActorCountries.Contains(country))
        {
            errors.Add("country", Text["Unknown country '{0}'. Use one of {1}.", input.Country ?? "", string.Join(", ", Countries.ActorCountries)]);
        }

        if (!EnumText.TryParse<Seniority>(input.Seniority, out var seniority))
        {
            errors.Add("seniority", Text["Unknown seniority '{0}'.", input.Seniority ?? ""]);
        }

        return post =>
        {
            post.Actor = actor;
            post.ActorId = actor!.Id;
            post.Country = country;
            post.Seniority = seniority;
        };
    }

    private DateOnly? DateField(string? text, string field, bool required, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, Text["Give a date (YYYY-MM-DD)."]);
            }

            return null;
        }

        if (IsoDate.TryParse(text, out var day))
        {
            return day;
        }

        errors.Add(field, Text["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", text]);
        return null;
    }

    /// <summary>
    /// Whether the viewer may delete a record: its own side's, a binational (Joint) one such as the seeded history, or
    /// anything for an administrator. An editor of one side must not remove the other side's records (as they may not
    /// take or hide them, decision 0003); they answer "not found", as for a record they cannot read.
    /// </summary>
    internal static bool MayRemove(Core.Access.Viewer viewer, Core.Records.ContentRecord record) =>
        viewer.IsAdministrator || viewer.IsSystem || record.OwnerSide == Core.Access.Side.Joint || record.OwnerSide == viewer.Side;

}
