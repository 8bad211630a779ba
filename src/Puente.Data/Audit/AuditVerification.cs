using Puente.Core.Audit;

namespace Puente.Data.Audit;

/// <summary>The outcome of walking the audit chain and holding it to its anchor.</summary>
/// <param name="EntriesChecked">Entries whose links and hashes hold, from the first.</param>
/// <param name="FirstBreak">The first broken link; null when the chain in the database holds.</param>
/// <param name="Anchor">The anchor check; its problem is null when the chain is broken (the break is reported instead).</param>
public sealed record AuditVerification(long EntriesChecked, AuditBreak? FirstBreak, AuditAnchorCheck Anchor)
{
    /// <summary>The chain holds and matches its anchor: nothing at or before the anchored head was removed or rewritten.</summary>
    public bool Intact => FirstBreak is null && Anchor.Problem is null;
}
