using Puente.Core.Records;

namespace Puente.Core.Catalog;

/// <summary>A track of diplomacy (white paper section III, plus IV–VII).</summary>
public sealed class Track : ContentRecord
{
    public int SortOrder { get; set; }
    public string NameEn { get; set; } = "";
    public string NameEs { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string DescriptionEs { get; set; } = "";

    public override string Label => Code;
}
