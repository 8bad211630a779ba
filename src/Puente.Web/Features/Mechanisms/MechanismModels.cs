using System.Globalization;
using Puente.Core.Catalog;
using Puente.Core.Localization;
using Puente.Web.Features.Records;

namespace Puente.Web.Features.Mechanisms;

/// <summary>A mechanism as the API returns it: the name in the request's language and both originals.</summary>
public sealed record MechanismDto(
    Guid Id,
    string Code,
    string Name,
    string NameEn,
    string NameEs,
    string Description,
    string DescriptionEn,
    string DescriptionEs,
    string? Track,
    IReadOnlyList<string> Participants,
    string Cadence,
    string? Established,
    string? Section,
    string Confidentiality,
    string OwnerSide,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static MechanismDto From(Mechanism m, CultureInfo culture) => new(
        m.Id, m.Code,
        Bilingual.Pick(m.NameEn, m.NameEs, culture), m.NameEn, m.NameEs,
        Bilingual.Pick(m.DescriptionEn, m.DescriptionEs, culture), m.DescriptionEn, m.DescriptionEs,
        m.Track?.Code, m.Participants.Split(',', StringSplitOptions.RemoveEmptyEntries), m.Cadence.ToString(), m.Established, m.Section,
        m.Confidentiality.ToString(), m.OwnerSide.ToString(), m.Version, m.CreatedAt, m.UpdatedAt);
}

/// <summary>What a person enters to create or edit a mechanism (UI form and API body).</summary>
public sealed class MechanismInput
{
    public string? Code { get; set; }
    public string? NameEn { get; set; }
    public string? NameEs { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionEs { get; set; }
    public string? TrackCode { get; set; }
    public List<string>? Participants { get; set; }
    public string? Cadence { get; set; }
    public string? Established { get; set; }
    public string? Confidentiality { get; set; }
    public string? OwnerSide { get; set; }
    public List<string>? Grants { get; set; }
    public int? Version { get; set; }

    public AccessInput Access => new() { Confidentiality = Confidentiality, OwnerSide = OwnerSide, Grants = Grants };

    public static MechanismInput From(Mechanism m, IEnumerable<string> grants) => new()
    {
        Code = m.Code, NameEn = m.NameEn, NameEs = m.NameEs, DescriptionEn = m.DescriptionEn, DescriptionEs = m.DescriptionEs,
        TrackCode = m.Track?.Code, Participants = [.. m.Participants.Split(',', StringSplitOptions.RemoveEmptyEntries)],
        Cadence = m.Cadence.ToString(), Established = m.Established,
        Confidentiality = m.Confidentiality.ToString(), OwnerSide = m.OwnerSide.ToString(), Grants = [.. grants], Version = m.Version,
    };
}

public sealed record MechanismFilter(string? Q, string? Track, string? Participant, string? Cadence, int Page = 1, int PageSize = 50);
