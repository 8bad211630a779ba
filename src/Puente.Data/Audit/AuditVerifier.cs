using Microsoft.EntityFrameworkCore;
using Puente.Core.Audit;
using Puente.Core.Text;

namespace Puente.Data.Audit;

/// <summary>
/// Walks the whole audit chain in id order, in batches (memory does not grow with the trail), whoever the viewer, and
/// holds it to the anchor outside the database: the chain alone cannot show entries removed from its end or an entry
/// rewritten with every later hash recomputed.
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(PuenteDbContext db, CancellationToken cancellationToken = default)
    {
        // Read the anchor before walking: it names an entry committed before the walk starts, so a save during the
        // walk cannot make the trail look shorter than the anchor.
        var store = db.AnchorStore;
        var reading = store?.Read();
        var anchor = reading?.Anchor;
        var path = store?.AnchorPath ?? "";

        const int batch = 5000;
        long lastId = 0;
        long checkedCount = 0;
        string? hashAtHead = null;
        var expectedPrevious = AuditChain.Genesis;
        while (true)
        {
            var entries = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(batch).ToListAsync(cancellationToken);
            if (entries.Count == 0)
            {
                break;
            }

            foreach (var entry in entries)
            {
                if (AuditChain.Check(entry.ToLink(), expectedPrevious) is { } kind)
                {
                    return new AuditVerification(checkedCount, new AuditBreak(entry.Id, kind),
                        new AuditAnchorCheck(path, anchor?.HeadId, lastId, null));
                }

                if (entry.Id == anchor?.HeadId)
                {
                    hashAtHead = entry.Hash;
                }

                checkedCount++;
                expectedPrevious = entry.Hash;
                lastId = entry.Id;
            }
        }

        Problem? problem = reading?.State switch
        {
            null => null,
            AuditAnchorState.Missing => checkedCount == 0 ? null : AuditProblems.AnchorMissing.With(path, checkedCount),
            AuditAnchorState.Removed => AuditProblems.AnchorRemoved.With(path, checkedCount),
            AuditAnchorState.KeyMissing => AuditProblems.AnchorKeyMissing.With(store!.KeyPath),
            AuditAnchorState.Unreadable => AuditProblems.AnchorUnreadable.With(path, reading.Detail ?? ""),
            AuditAnchorState.Invalid => AuditProblems.AnchorSignature.With(path),
            _ => anchor!.Compare(lastId, hashAtHead),
        };
        return new AuditVerification(checkedCount, null, new AuditAnchorCheck(path, anchor?.HeadId, lastId, problem));
    }

    /// <summary>
    /// Anchors the current head of a trail that has no anchor yet (one written before anchors existed, or whose anchor
    /// directory is new), after checking the chain. Returns the verification; nothing is anchored when it fails.
    /// </summary>
    public static async Task<AuditVerification?> AnchorExistingTrailAsync(PuenteDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.AnchorStore is not { } store || store.Read().State != AuditAnchorState.Missing)
        {
            return null;
        }

        var verification = await VerifyAsync(db, cancellationToken);
        if (verification.FirstBreak is null && verification.EntriesChecked > 0)
        {
            var head = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Id == verification.Anchor.LastEntryId).Select(a => a.Hash).SingleAsync(cancellationToken);
            store.AdoptIfMissing(new AuditAnchor(verification.Anchor.LastEntryId, head));
        }

        return verification;
    }
}
