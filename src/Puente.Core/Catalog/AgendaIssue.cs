using Puente.Core.Memory;
using Puente.Core.Records;

namespace Puente.Core.Catalog;

/// <summary>An agenda issue the white paper discusses (migration, water, …).</summary>
public sealed class AgendaIssue : BilingualRecord
{
    public const int MechanismCodesMaxLength = 1000;

    /// <summary>The paper warns this issue can become an early crisis.</summary>
    public bool EarlyCrisisRisk { get; set; }

    /// <summary>The post that owns the issue, if any. Assigned by people, not by the catalog: state, so assigning it
    /// does not stop later catalog corrections of the issue's text.</summary>
    [RecordState]
    public Guid? OwnerPostId { get; set; }
    public Post? OwnerPost { get; set; }

    /// <summary>The mechanisms that carry the issue, stored ",HLED,BNC," (state, as <see cref="OwnerPostId"/>).</summary>
    [RecordState]
    public string MechanismCodes { get; set; } = "";

    public override string Label => Code;
}
