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
    DateTimeOffset UpdatedAt)
{
    public static ActorDto From(Actor a, CultureInfo culture) => new(
        a.Id, a.Code,
        Bilingual.Pick(a.NameEn, a.NameEs, culture), a.NameEn, a.NameEs,
        Bilingual.Pick(a.DescriptionEn, a.DescriptionEs, culture), a.DescriptionEn, a.DescriptionEs,
        a.Type.ToString(), a.Country, a.Level.ToString(), a.Track?.Code, a.Parent?.Id, a.Parent?.Code,
        a.City, a.Region, a.Website, a.Section, a.Confidentiality.ToString(), a.OwnerSide.ToString(), a.Version,
        a.CreatedAt, a.UpdatedAt);
}

/// <summary>What a person enters to create or edit an actor (UI form and API body).</summary>
public sealed class ActorInput
{
    public string? Code { get; set; }
    public string? NameEn { get; set; }
    public string? NameEs { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionEs { get; set; }
    public string? Type { get; set; }
    public string? Country { get; set; }
    public string? Level { get; set; }
    public string? TrackCode { get; set; }
    public string? ParentCode { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? Website { get; set; }
    public string? Confidentiality { get; set; }
    public string? OwnerSide { get; set; }
    public List<string>? Grants { get; set; }

    /// <summary>On update: the version the edit is based on; a newer stored version is a conflict.</summary>
    public int? Version { get; set; }

    public AccessInput Access => new() { Confidentiality = Confidentiality, OwnerSide = OwnerSide, Grants = Grants };

    public static ActorInput From(Actor a, IEnumerable<string> grants) => new()
    {
        Code = a.Code, NameEn = a.NameEn, NameEs = a.NameEs, DescriptionEn = a.DescriptionEn, DescriptionEs = a.DescriptionEs,
        Type = a.Type.ToString(), Country = a.Country, Level = a.Level.ToString(), TrackCode = a.Track?.Code,
        ParentCode = a.Parent?.Code, City = a.City, Region = a.Region, Website = a.Website,
        Confidentiality = a.Confidentiality.ToString(), OwnerSide = a.OwnerSide.ToString(), Grants = [.. grants], Version = a.Version,
    };
}

/// <summary>Filters of the actor list.</summary>
public sealed record ActorFilter(string? Q, string? Country, string? Type, string? Track, string? Level, int Page = 1, int PageSize = 50);
