using Microsoft.EntityFrameworkCore;
using Puente.Core.Audit;
using Puente.Data;
using Puente.Data.Audit;

namespace Puente.Web.Tests.Infrastructure;

/// <summary>
/// Changes the audit trail behind the application's back, as someone with write access to the database would, and
/// puts it back (the suites share one application per class). SQL that both providers run unchanged.
/// </summary>
public static class AuditTampering
{
    /// <summary>All entries, in chain order.</summary>
    public static Task<List<AuditEntry>> EntriesAsync(PuenteDbContext db, long fromId = 1) =>
        db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id >= fromId).OrderBy(a => a.Id).ToListAsync();

    /// <summary>
    /// Rewrites entry <paramref name="id"/>'s label and recomputes its hash and every later link, so that the chain in the
    /// database holds again. Returns the entries as they were, for <see cref="RestoreAsync"/>.
    /// </summary>
    public static async Task<List<AuditEntry>> RewriteAsync(PuenteDbContext db, long id, string label)
    {
        var originals = await EntriesAsync(db, id);
        var previous = originals[0].PreviousHash;
        foreach (var entry in originals)
        {
            var facts = entry.Id == id ? entry.ToFacts() with { RecordLabel = label } : entry.ToFacts();
            var hash = AuditChain.ComputeHash(facts, previous);
            await (entry.Id == id
                ? db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"RecordLabel\" = {label}, \"Hash\" = {hash} WHERE \"Id\" = {entry.Id}")
                : db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"PreviousHash\" = {previous}, \"Hash\" = {hash} WHERE \"Id\" = {entry.Id}"));
            previous = hash;
        }

        return originals;
    }

    /// <summary>Puts rewritten entries back as they were.</summary>
    public static async Task RestoreAsync(PuenteDbContext db, IEnumerable<AuditEntry> originals)
    {
        foreach (var entry in originals)
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEntries\" SET \"PreviousHash\" = {entry.PreviousHash}, \"Hash\" = {entry.Hash} WHERE \"Id\" = {entry.Id}");
            if (entry.RecordLabel is { } label)
            {
                await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"RecordLabel\" = {label} WHERE \"Id\" = {entry.Id}");
            }
        }
    }

    /// <summary>Deletes every entry from <paramref name="fromId"/> on; returns them for <see cref="PutBackAsync"/>.</summary>
    public static async Task<List<AuditEntry>> DeleteFromAsync(PuenteDbContext db, long fromId)
    {
        var deleted = await EntriesAsync(db, fromId);
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" >= {fromId}");
        return deleted;
    }

    /// <summary>Inserts deleted entries again, unchanged (the context appends no entry for them: they are not records).</summary>
    public static async Task PutBackAsync(PuenteDbContext db, IEnumerable<AuditEntry> deleted)
    {
        db.AuditEntries.AddRange(deleted);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
