using Puente.Core.Records;

namespace Puente.Core.Catalog;

/// <summary>An institutional mechanism of the relationship: a dialogue, commission, summit or forum.</summary>
public sealed class Mechanism : BilingualRecord
{
    public Guid? TrackId { get; set; }
    public Track? Track { get; set; }

    /// <summary>Comma-separated participant codes (see <see cref="Countries.Participants"/>), e.g. "MX,US".</summary>
    public string Participants { get; set; } = "";

    public Cadence Cadence { get; set; } = Cadence.AdHoc;

    /// <summary>Year established, as text (may be unknown).</summary>
    public string? Established { get; set; }

    public override string Label => Code;
}
