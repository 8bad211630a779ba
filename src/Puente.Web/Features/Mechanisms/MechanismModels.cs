using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Text;
using Puente.Core.Catalog;

namespace Puente.Web.Features.Mechanisms;

/// <summary>A mechanism as the API returns it: the common record fields and these.</summary>
public sealed record MechanismDto : RecordDto, IRecordDto<Mechanism, MechanismDto>
{
    private MechanismDto(Mechanism mechanism, CultureInfo culture)
        : base(mechanism, culture)
    {
        Track = mechanism.Track?.Code;
        Participants = mechanism.Participants.Split(',', StringSplitOptions.RemoveEmptyEntries);
        Cadence = mechanism.Cadence.ToString();
        Established = mechanism.Established;
    }

    public string? Track { get; }
    public IReadOnlyList<string> Participants { get; }
    public string Cadence { get; }
    public string? Established { get; }

    public static MechanismDto From(Mechanism record, CultureInfo culture) => new(record, culture);
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
public sealed class MechanismFilter : RecordFilter<Mechanism>
{
    [FromQuery(Name = "track")]
    public string? Track { get; set; }

    /// <summary>A participant code (MX, US, …): mechanisms it takes part in.</summary>
    [FromQuery(Name = "participant")]
    public string? Participant { get; set; }

    [FromQuery(Name = "cadence")]
    public string? Cadence { get; set; }

    protected override IQueryable<Mechanism> Narrow(IQueryable<Mechanism> records)
    {
        if (CodeOf(Track) is { } track)
        {
            records = records.Where(m => m.Track != null && m.Track.Code == track);
        }

        if (CodeOf(Participant) is { } code)
        {
            var participant = "%," + Search.EscapeLike(code) + ",%";
            records = records.Where(m => EF.Functions.Like("," + m.Participants + ",", participant, "\\"));
        }

        if (EnumText.TryParse<Cadence>(Cadence, out var cadence))
        {
            records = records.Where(m => m.Cadence == cadence);
        }

        return records.OrderBy(m => m.Code);
    }
}
