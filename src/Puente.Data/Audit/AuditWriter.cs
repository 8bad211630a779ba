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
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        catch
        {
            // Leave the context as it was: the queued audit entries are not part of the failed change.
            foreach (var entry in audit)
            {
                db.Entry(entry).State = EntityState.Detached;
            }

            throw;
        }
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
                if (!viewer.IsSystem)
                {
                    // A person edited it: catalog upgrades no longer overwrite this record.
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
            RecordId = record.Id,
            RecordLabel = record.Label,
            Confidentiality = confidentiality,
            OwnerSide = record.OwnerSide,
            Before = before,
            After = after,
        };
    }

    private static string Snapshot(IEnumerable<PropertyEntry> properties, bool current)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            var value = current ? property.CurrentValue : property.OriginalValue;
            values[property.Metadata.Name] = value is Enum ? value.ToString() : value;
        }

        return JsonSerializer.Serialize(values, SnapshotJson);
    }
}
