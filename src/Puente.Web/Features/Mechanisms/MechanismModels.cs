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
    DateTimeOffset UpdatedAt) : IRecordDto<Mechanism, MechanismDto>
{
    public static MechanismDto From(Mechanism m, CultureInfo culture) => new(
        m.Id, m.Code,
        Bilingual.Pick(m.NameEn, m.NameEs, culture), m.NameEn, m.NameEs,
        Bilingual.Pick(m.DescriptionEn, m.DescriptionEs, culture), m.DescriptionEn, m.DescriptionEs,
        m.Track?.Code, m.Participants.Split(',', StringSplitOptions.RemoveEmptyEntries), m.Cadence.ToString(), m.Established, m.Section,
        m.Confidentiality.ToString(), m.OwnerSide.ToString(), m.Version, m.CreatedAt, m.UpdatedAt);
}

/// <summary>What a person enters to create or edit a mechanism (UI form and API body): the common fields and these.</summary>
public sealed class MechanismInput : RecordInput
{
    public string? TrackCode { get; set; }
    public List<string>? Participants { get; set; }
    public string? Cadence { get; set; }
    public string? Established { get; set; }

    public static MechanismInput From(Mechanism m, IEnumerable<string> grants)
    {
        var input = new MechanismInput
        {
            TrackCode = m.Track?.Code, Participants = [.. m.Participants.Split(',', StringSplitOptions.RemoveEmptyEntries)],
            Cadence = m.Cadence.ToString(), Established = m.Established,
        };
        input.CopyFrom(m, grants);
        return input;
    }
}

/// <summary>Filters of the mechanism list.</summary>
public sealed record MechanismFilter(string? Q, string? Track, string? Participant, string? Cadence, int Page = 1, int PageSize = 50);
