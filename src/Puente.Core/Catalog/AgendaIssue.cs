using Puente.Core.Records;

namespace Puente.Core.Catalog;

/// <summary>An agenda issue the white paper discusses (migration, water, …).</summary>
public sealed class AgendaIssue : ContentRecord
{
    public string NameEn { get; set; } = "";
    public string NameEs { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string DescriptionEs { get; set; } = "";

    /// <summary>The paper warns this issue can become an early crisis.</summary>
    public bool EarlyCrisisRisk { get; set; }

    public override string Label => Code;
}
