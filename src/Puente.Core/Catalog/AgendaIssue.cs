using Puente.Core.Records;

namespace Puente.Core.Catalog;

/// <summary>An agenda issue the white paper discusses (migration, water, …).</summary>
public sealed class AgendaIssue : BilingualRecord
{

    /// <summary>The paper warns this issue can become an early crisis.</summary>
    public bool EarlyCrisisRisk { get; set; }

    public override string Label => Code;
}
