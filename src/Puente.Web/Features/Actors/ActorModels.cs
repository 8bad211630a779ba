using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Text;
using Puente.Core.Catalog;

namespace Puente.Web.Features.Actors;

/// <summary>An actor as the API returns it: the common record fields and these.</summary>
public sealed record ActorDto : RecordDto, IRecordDto<Actor, ActorDto>
{
    private ActorDto(Actor actor, CultureInfo culture)
        : base(actor, culture)
    {
        Type = actor.Type.ToString();
        Country = actor.Country;
        Level = actor.Level.ToString();
        Track = actor.Track?.Code;
        ParentId = actor.Parent?.Id;
        ParentCode = actor.Parent?.Code;
        City = actor.City;
        Region = actor.Region;
        Website = actor.Website;
    }

    public string Type { get; }
    public string Country { get; }
    public string Level { get; }
    public string? Track { get; }
    public Guid? ParentId { get; }
    public string? ParentCode { get; }
    public string? City { get; }
    public string? Region { get; }
    public string? Website { get; }

    public static ActorDto From(Actor record, CultureInfo culture) => new(record, culture);
}

/// <summary>What a person enters to create or edit an actor (UI form and API body): the common fields and these.</summary>
public sealed class ActorInput : RecordInput
{
    public string? Type { get; set; }
    public string? Country { get; set; }
    public string? Level { get; set; }
    public string? TrackCode { get; set; }
    public string? ParentCode { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? Website { get; set; }

    public static ActorInput From(Actor a, IEnumerable<string> grants)
    {
        var input = new ActorInput
        {
            Type = a.Type.ToString(), Country = a.Country, Level = a.Level.ToString(), TrackCode = a.Track?.Code,
            ParentCode = a.Parent?.Code, City = a.City, Region = a.Region, Website = a.Website,
        };
        input.CopyFrom(a, grants);
        return input;
    }
}

/// <summary>Filters of the actor list.</summary>
public sealed class ActorFilter : RecordFilter<Actor>
{
    [FromQuery(Name = "country")]
    public string? Country { get; set; }

    [FromQuery(Name = "type")]
    public string? Type { get; set; }

    [FromQuery(Name = "track")]
    public string? Track { get; set; }

    [FromQuery(Name = "level")]
    public string? Level { get; set; }

    /// <summary>Code, names, city and state or region.</summary>
#pragma warning disable CA1304, CA1311 // string.ToLower() here is translated to SQL lower(), not run in .NET
    protected override Expression<Func<Actor, bool>> TextMatch(string pattern) => a =>
        EF.Functions.Like(a.Code.ToLower(), pattern, "\\")
        || EF.Functions.Like(a.NameEn.ToLower(), pattern, "\\")
        || EF.Functions.Like(a.NameEs.ToLower(), pattern, "\\")
        || (a.City != null && EF.Functions.Like(a.City.ToLower(), pattern, "\\"))
        || (a.Region != null && EF.Functions.Like(a.Region.ToLower(), pattern, "\\"));
#pragma warning restore CA1304, CA1311

    protected override IQueryable<Actor> Narrow(IQueryable<Actor> records)
    {
        if (CodeOf(Country) is { } country)
        {
            records = records.Where(a => a.Country == country);
        }

        if (EnumText.TryParse<ActorType>(Type, out var type))
        {
            records = records.Where(a => a.Type == type);
        }

        if (EnumText.TryParse<GovernmentLevel>(Level, out var level))
        {
            records = records.Where(a => a.Level == level);
        }

        if (CodeOf(Track) is { } track)
        {
            records = records.Where(a => a.Track != null && a.Track.Code == track);
        }

        return records.OrderBy(a => a.Country).ThenBy(a => a.Code);
    }
}
