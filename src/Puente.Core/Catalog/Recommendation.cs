using Puente.Core.Records;

namespace Puente.Core.Catalog;

/// <summary>A recommendation of the white paper; <see cref="ContentRecord.Code"/> is section and number, e.g. "III-04".</summary>
public sealed class Recommendation : ContentRecord
{
    public int Number { get; set; }
    public Addressee Addressee { get; set; }
    public Guid? TrackId { get; set; }
    public Track? Track { get; set; }

    /// <summary>Comma-separated agenda issue codes.</summary>
    public string IssueCodes { get; set; } = "";

    public string TextEn { get; set; } = "";
    public string TextEs { get; set; } = "";

    public override string Label => Code;
}
