using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Localization;
using Puente.Core.Memory;
using Puente.Core.Text;

namespace Puente.Web.Features.Posts;

/// <summary>A post as the API returns it: the common record fields and its actor, country and seniority.</summary>
public sealed record PostDto : RecordDto, IRecordDto<Post, PostDto>
{
    private PostDto(Post post, CultureInfo culture)
        : base(post, culture)
    {
        Actor = post.Actor?.Code;
        ActorName = post.Actor is { } a ? Bilingual.Pick(a.NameEn, a.NameEs, culture) : null;
        Country = post.Country;
        Seniority = post.Seniority.ToString();
    }

    /// <summary>The actor's code; null when the reader cannot read the actor.</summary>
    public string? Actor { get; }

    public string? ActorName { get; }
    public string Country { get; }
    public string Seniority { get; }

    public static PostDto From(Post record, CultureInfo culture) => new(record, culture);
}

/// <summary>The person of a tenure, in short.</summary>
public sealed record PersonRef(Guid Id, string Code, string Name);

/// <summary>Who holds a post on a day: the person and their tenure (half-open: <see cref="To"/> is the first day out).</summary>
public sealed record HolderDto(PersonRef Person, DateOnly From, DateOnly? To, bool Acting);

/// <summary><c>GET /api/v1/posts/{code}/holder?on=</c>: the post, the day asked, and its holder that day (null: none known).</summary>
public sealed record PostHolderResponse(PostDto Post, DateOnly On, HolderDto? Holder);

/// <summary>One counterpart of a post on a day, and who held it.</summary>
public sealed record CounterpartItem(PostDto Post, HolderDto? Holder, Guid LinkId, DateOnly? From, DateOnly? To);

/// <summary>A tenure as listed on a post or a person.</summary>
/// <remarks><c>Note</c> is in the request's language; <c>NoteEn</c> and <c>NoteEs</c> as entered.</remarks>
public sealed record TenureDto(Guid Id, PersonRef? Person, PostRef? Post, DateOnly From, DateOnly? To, bool Acting, string Certainty,
    string? Note, string? Source, string Confidentiality, string OwnerSide, string? NoteEn, string? NoteEs);

/// <summary>The post of a tenure, in short.</summary>
public sealed record PostRef(Guid Id, string Code, string Name, string Country, string Seniority);

/// <summary>What a person enters to create or edit a post: the common fields and these.</summary>
public sealed class PostInput : RecordInput
{
    public string? ActorCode { get; set; }

    /// <summary>Whose office it is; empty: the actor's country.</summary>
    public string? Country { get; set; }

    public string? Seniority { get; set; }

    public static PostInput From(Post p, IEnumerable<string> grants)
    {
        var input = new PostInput { ActorCode = p.Actor?.Code, Country = p.Country, Seniority = p.Seniority.ToString() };
        input.CopyFrom(p, grants);
        return input;
    }
}

/// <summary>A tenure as entered: the person (code), the half-open period, whether acting, a note and a source.</summary>
public sealed class TenureInput
{
    public string? Person { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public bool Acting { get; set; }
    public string? Note { get; set; }
    public string? NoteEs { get; set; }
    public string? Source { get; set; }
    public string? Confidentiality { get; set; }
    public string? OwnerSide { get; set; }
}

/// <summary>A counterpart link as entered: the other post (code) and an optional half-open period.</summary>
public sealed class CounterpartInput
{
    public string? Post { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
}

/// <summary>Filters of the post list.</summary>
public sealed class PostFilter : RecordFilter<Post>
{
    [FromQuery(Name = "actor")]
    public string? Actor { get; set; }

    [FromQuery(Name = "country")]
    public string? Country { get; set; }

    [FromQuery(Name = "seniority")]
    public string? Seniority { get; set; }

    protected override IQueryable<Post> Narrow(IQueryable<Post> records)
    {
        if (CodeOf(Actor) is { } actor)
        {
            records = records.Where(p => p.Actor != null && p.Actor.Code == actor);
        }

        if (CodeOf(Country) is { } country)
        {
            records = records.Where(p => p.Country == country);
        }

        if (EnumText.TryParse<Seniority>(Seniority, out var seniority))
        {
            records = records.Where(p => p.Seniority == seniority);
        }

        return records.OrderBy(p => p.Seniority).ThenBy(p => p.Country).ThenBy(p => p.Code);
    }
}
