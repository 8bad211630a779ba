using System.Globalization;
using Puente.Core.Catalog;
using Puente.Core.Localization;
using Puente.Web.Features.Records;

namespace Puente.Web.Features.Actors;

/// <summary>An actor as the API returns it: the name in the request's language and both originals.</summary>
public sealed record ActorDto(
    Guid Id,
    string Code,
    string Name,
    string NameEn,
    string NameEs,
    string Description,
    string DescriptionEn,
    string DescriptionEs,
    string Type,
    string Country,
    string Level,
    string? Track,
    Guid? ParentId,
    string? ParentCode,
    string? City,
    string? Region,
    string? Website,
    string? Section,
    string Confidentiality,
    string OwnerSide,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IRecordDto<Actor, ActorDto>
{
    public static ActorDto From(Actor a, CultureInfo culture) => new(
        a.Id, a.Code,
        Bilingual.Pick(a.NameEn, a.NameEs, culture), a.NameEn, a.NameEs,
        Bilingual.Pick(a.DescriptionEn, a.DescriptionEs, culture), a.DescriptionEn, a.DescriptionEs,
        a.Type.ToString(), a.Country, a.Level.ToString(), a.Track?.Code, a.Parent?.Id, a.Parent?.Code,
        a.City, a.Region, a.Website, a.Section, a.Confidentiality.ToString(), a.OwnerSide.ToString(), a.Version,
        a.CreatedAt, a.UpdatedAt);
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
public sealed record ActorFilter(string? Q, string? Country, string? Type, string? Track, string? Level, int Page = 1, int PageSize = 50);
