namespace Puente.Data.Audit;

/// <summary>The head a save appended inside a transaction, to be anchored when (and only if) that transaction commits.</summary>
internal sealed record AuditAnchorCandidate(Guid TransactionId, long HeadId, string HeadHash);
