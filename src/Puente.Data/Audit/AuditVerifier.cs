using Microsoft.EntityFrameworkCore;
using Puente.Core.Audit;

namespace Puente.Data.Audit;

/// <summary>The outcome of walking the audit chain.</summary>
public sealed record AuditVerification(long EntriesChecked, AuditBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>Walks the whole audit chain in id order, in batches (memory does not grow with the trail), whoever the viewer.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(PuenteDbContext db, CancellationToken cancellationToken = default)
    {
        const int batch = 5000;
        long lastId = 0;
        long checkedCount = 0;
        var expectedPrevious = AuditChain.Genesis;
        while (true)
        {
            var entries = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(batch).ToListAsync(cancellationToken);
            if (entries.Count == 0)
            {
                return new AuditVerification(checkedCount, null);
            }

            foreach (var entry in entries)
            {
                if (AuditChain.Check(entry.ToLink(), expectedPrevious) is { } kind)
                {
                    return new AuditVerification(checkedCount, new AuditBreak(entry.Id, kind));
                }

                checkedCount++;
                expectedPrevious = entry.Hash;
                lastId = entry.Id;
            }
        }
    }
}
