using Puente.Core.Text;

namespace Puente.Data.Audit;

/// <summary>What the verifier found when it held the trail to its anchor.</summary>
/// <param name="AnchorPath">The anchor file checked.</param>
/// <param name="AnchoredHeadId">The entry the anchor names, when its signature is valid; null otherwise.</param>
/// <param name="LastEntryId">The last entry of the chain in the database; 0 when there is none.</param>
/// <param name="Problem">Why the trail does not match the anchor; null when it does or there is nothing to anchor yet.</param>
public sealed record AuditAnchorCheck(string AnchorPath, long? AnchoredHeadId, long LastEntryId, Problem? Problem)
{
    /// <summary>Entries committed after the anchored head (the anchor is written after each commit and may be behind); each is chain-checked.</summary>
    public long EntriesAfterAnchor => Problem is null && AnchoredHeadId is { } head ? LastEntryId - head : 0;
}
