using Puente.Core.Records;

namespace Puente.Core.Catalog;

/// <summary>A track of diplomacy (white paper section III, plus IV–VII).</summary>
public sealed class Track : BilingualRecord
{
    public int SortOrder { get; set; }

    public override string Label => Code;
}
