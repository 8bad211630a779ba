using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Puente.Data.Audit;

/// <summary>
/// Moves the audit anchor after a commit, never before: a rolled-back append must not be anchored. Works the same
/// for the transaction the audit writer opens and for one the caller opened around several saves.
/// </summary>
internal sealed class AuditAnchorInterceptor : DbTransactionInterceptor
{
    public static AuditAnchorInterceptor Instance { get; } = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Anchor(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Anchor(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private static void Anchor(TransactionEndEventData eventData)
    {
        if (eventData.Context is PuenteDbContext { PendingAnchor: { } pending } db)
        {
            db.PendingAnchor = null;
            // A candidate left by a transaction that was disposed without commit or rollback belongs to no commit.
            if (pending.TransactionId == eventData.TransactionId)
            {
                db.AnchorStore?.Advance(pending.HeadId, pending.HeadHash);
            }
        }
    }

    private static void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is PuenteDbContext db)
        {
            db.PendingAnchor = null;
        }
    }
}
