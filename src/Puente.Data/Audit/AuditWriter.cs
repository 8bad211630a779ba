using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Puente.Core.Access;
using Puente.Core.Audit;
using Puente.Core.Records;

namespace Puente.Data.Audit;

/// <summary>
/// Writes the audit chain: for one save of a <see cref="PuenteDbContext"/>, stamps who and when on every changed
/// content record, makes one hash-linked entry per change (records, grants, queued account events), and saves them in
/// the same transaction as the change, under the chain lock. The only writer of <see cref="AuditEntry"/> rows.
/// It also leaves the new head to be anchored outside the database when the transaction commits
/// (<see cref="AuditAnchorInterceptor"/>), unless the trail no longer continues the anchor.
/// </summary>
internal static class AuditWriter
{
    /// <summary>Snapshots keep accented text readable (UTF-8), escaping only what HTML or JSON need.</summary>
    internal static readonly JsonSerializerOptions SnapshotJson = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>Saves the context's changes with their audit entries; <paramref name="save"/> is the base save.</summary>
    public static async Task<int> SaveAsync(PuenteDbContext db, DateTimeOffset now, IReadOnlyList<AuditEntry> accountEvents,
        Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        var audit = Prepare(db, now, accountEvents);
        // The search index changes with the records, in the same save, once new records have their ids
        // (docs/decisions/0049-search.md).
        await Search.SearchIndexer.UpdateAsync(db, cancellationToken);
        if (audit.Count == 0)
        {
            return await save(cancellationToken);
        }

        var database = db.Database;
        var ownTransaction = database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await database.BeginTransactionAsync(cancellationToken) : null;
        await db.LockAuditChainAsync(cancellationToken);

        var last = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var previousHash = last?.Hash ?? AuditChain.Genesis;
        var nextId = (last?.Id ?? 0) + 1;
        var continuesAnchor = db.AnchorStore is not { } store
            || await ContinuesAnchorAsync(db, store, last?.Id ?? 0, last?.Hash, cancellationToken);
        foreach (var entry in audit)
        {
            entry.Id = nextId++;
            entry.Timestamp = now;
            entry.PreviousHash = previousHash;
            entry.Hash = AuditChain.ComputeHash(entry.ToFacts(), previousHash);
            previousHash = entry.Hash;
            db.AuditEntries.Add(entry);
        }

        try
        {
            var written = await save(cancellationToken);
            // Anchored by the interceptor once this transaction commits, whoever commits it.
            db.PendingAnchor = continuesAnchor
                ? new AuditAnchorCandidate(database.CurrentTransaction!.TransactionId, audit[^1].Id, audit[^1].Hash)
                : null;
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        catch
        {
            // Leave the context as it was: the queued audit entries are not part of the failed change.
            db.PendingAnchor = null;
            foreach (var entry in audit)
            {
                db.Entry(entry).State = EntityState.Detached;
            }

            throw;
        }
    }

    /// <summary>
    /// Under the chain lock: whether the trail as it stands still holds the anchored head (same hash at the anchored
    /// id). If someone removed or rewrote entries behind the application's back, the anchor must not move past them:
    /// it stays, and the verifier keeps reporting them.
    /// </summary>
    private static async Task<bool> ContinuesAnchorAsync(PuenteDbContext db, AuditAnchorStore store, long lastId, string? lastHash,
        CancellationToken cancellationToken)
    {
        var reading = store.Read();
        if (reading.State == AuditAnchorState.Missing)
        {
            return true;
        }

        if (reading.Anchor is not { } anchor)
        {
            store.ReportDiscontinuity(reading, "the anchor cannot be checked");
            return false;
        }

        var hashAtHead = anchor.HeadId == lastId ? lastHash
            : anchor.HeadId > lastId ? null
            : await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Id == anchor.HeadId).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken);
        if (anchor.Compare(lastId, hashAtHead) is { } problem)
        {
            store.ReportDiscontinuity(reading, problem.ToString());
            return false;
        }

        return true;
    }

    private static List<AuditEntry> Prepare(PuenteDbContext db, DateTimeOffset now, IReadOnlyList<AuditEntry> accountEvents)
    {
        var changes = db.ChangeTracker;
        changes.DetectChanges();
        var viewer = db.Viewer;
        var audit = new List<AuditEntry>();

        foreach (var entry in changes.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit entries are append-only; they are never modified or deleted.");
            }
        }

        foreach (var entry in changes.Entries<ContentRecord>().ToList())
        {
            if (ForRecord(entry, viewer, now) is { } audited)
            {
                audit.Add(audited);
            }
        }

        foreach (var entry in changes.Entries<RecordGrant>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Deleted))
            {
                continue;
            }

            // Read under Restricted: visible to those the record's grants name, as the record itself.
            var grant = JsonSerializer.Serialize(new { entry.Entity.Principal }, SnapshotJson);
            audit.Add(new AuditEntry
            {
                Actor = viewer.UserName,
                ActorUserId = viewer.UserId,
                Action = entry.State == EntityState.Added ? AuditAction.Created : AuditAction.Deleted,
                EntityType = nameof(RecordGrant),
                RecordId = entry.Entity.RecordId,
                RecordLabel = entry.Entity.Principal,
                Confidentiality = Confidentiality.Restricted,
                OwnerSide = Side.Joint,
                Before = entry.State == EntityState.Deleted ? grant : null,
                After = entry.State == EntityState.Added ? grant : null,
            });
        }

        audit.AddRange(accountEvents);
        return audit;
    }

    /// <summary>Stamps a changed record and describes the change; null when it did not change.</summary>
    private static AuditEntry? ForRecord(EntityEntry<ContentRecord> entry, Viewer viewer, DateTimeOffset now)
    {
        var record = entry.Entity;
        AuditAction action;
        string? before = null;
        string? after = null;
        var confidentiality = record.Confidentiality;
        switch (entry.State)
        {
            case EntityState.Added:
                if (record.Id == Guid.Empty)
                {
                    record.Id = Guid.CreateVersion7(now);
                }

                record.CreatedAt = now;
                record.UpdatedAt = now;
                record.CreatedBy = viewer.UserName;
                record.UpdatedBy = viewer.UserName;
                record.Version = 1;
                action = AuditAction.Created;
                after = Snapshot(entry.Properties, current: true);
                break;
            case EntityState.Modified:
                if (!viewer.IsSystem && entry.Properties.Any(p => p.IsModified && !IsRecordState(p)))
                {
                    // A person edited it: catalog upgrades no longer overwrite this record. (A change of its state alone,
                    // such as a recommendation's current status, is not an edit of what seeding wrote.)
                    record.SeedHash = null;
                }

                record.UpdatedAt = now;
                record.UpdatedBy = viewer.UserName;
                record.Version = (int)entry.Property(nameof(ContentRecord.Version)).OriginalValue! + 1;
                action = AuditAction.Updated;
                before = Snapshot(entry.Properties, current: false);
                after = Snapshot(entry.Properties, current: true);
                var original = (Confidentiality)entry.Property(nameof(ContentRecord.Confidentiality)).OriginalValue!;
                confidentiality = original > confidentiality ? original : confidentiality;
                break;
            case EntityState.Deleted:
                action = AuditAction.Deleted;
                before = Snapshot(entry.Properties, current: false);
                break;
            default:
                return null;
        }

        return new AuditEntry
        {
            Actor = viewer.UserName,
            ActorUserId = viewer.UserId,
            Action = action,
            EntityType = entry.Metadata.ClrType.Name,
            // A part's changes belong to its parent's history (and are read under its grants).
            RecordId = record is RecordPart part ? part.ParentId : record.Id,
            RecordLabel = record.Label,
            Confidentiality = confidentiality,
            OwnerSide = record.OwnerSide,
            Before = before,
            After = after,
        };
    }

    private static bool IsRecordState(PropertyEntry property) =>
        property.Metadata.PropertyInfo?.IsDefined(typeof(RecordStateAttribute), inherit: true) == true;

    private static bool IsSecret(PropertyEntry property) =>
        property.Metadata.PropertyInfo?.IsDefined(typeof(SecretAttribute), inherit: true) == true;

    private static string Snapshot(IEnumerable<PropertyEntry> properties, bool current)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            if (IsSecret(property))
            {
                continue; // neither the value nor its ciphertext: whoever reads the history must not read the secret
            }

            var value = current ? property.CurrentValue : property.OriginalValue;
            values[property.Metadata.Name] = value is Enum ? value.ToString() : value;
        }

        return JsonSerializer.Serialize(values, SnapshotJson);
    }
}
