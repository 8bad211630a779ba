using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Access;
using Puente.Core.Audit;
using Puente.Core.Catalog;
using Puente.Core.Records;
using Puente.Data.Access;
using Puente.Data.Audit;
using Puente.Data.Identity;

namespace Puente.Data;

/// <summary>
/// The one database of Puente. Two things happen here for every unit of work and nowhere else:
/// <list type="bullet">
/// <item>every query over a <see cref="ContentRecord"/> is filtered by the viewer's access (global query filters);</item>
/// <item>every create, update and delete of a content record, and every account event, is appended to the audit
/// chain in the same transaction as the change.</item>
/// </list>
/// Provider-specific subclasses (<see cref="SqlitePuenteDbContext"/>, <see cref="PostgresPuenteDbContext"/>) carry
/// their own migrations.
/// </summary>
public abstract class PuenteDbContext : IdentityDbContext<PuenteUser>, IDataProtectionKeyContext
{
    /// <summary>Snapshots keep accented text readable (UTF-8), escaping only what HTML or JSON need.</summary>
    internal static readonly JsonSerializerOptions SnapshotJson = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
    private readonly TimeProvider _time;
    private readonly IViewerAccessor _viewerAccessor;
    private readonly List<AuditEntry> _pendingEvents = [];

    protected PuenteDbContext(DbContextOptions options, TimeProvider time, IViewerAccessor viewer)
        : base(options)
    {
        _time = time;
        _viewerAccessor = viewer;
    }

    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<Mechanism> Mechanisms => Set<Mechanism>();
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<AgendaIssue> AgendaIssues => Set<AgendaIssue>();
    public DbSet<Administration> Administrations => Set<Administration>();
    public DbSet<Core.Water.WaterDeliveryRecord> WaterDeliveries => Set<Core.Water.WaterDeliveryRecord>();
    public DbSet<Core.Water.StorageReadingRecord> StorageReadings => Set<Core.Water.StorageReadingRecord>();
    public DbSet<Core.Water.ReserveMovementRecord> ReserveMovements => Set<Core.Water.ReserveMovementRecord>();
    public DbSet<RecordGrant> RecordGrants => Set<RecordGrant>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The viewer whose access filters every query of this context.</summary>
    public Viewer Viewer => _viewerAccessor.Viewer;

    // The query filters read these properties; EF Core evaluates them per query, per context instance.
    private bool ViewerIsSystem => Viewer.IsSystem;
    private bool ViewerIsSignedIn => Viewer.IsSignedIn;
    private bool ViewerIsAdministrator => Viewer.IsAdministrator;
    private Side? ViewerSide => Viewer.Side;
    private string[] ViewerPrincipals => [.. Viewer.Principals];

    /// <summary>Queues an account event (sign-in, failed sign-in, role change, …) for the next save.</summary>
    public void RecordAccountEvent(AuditAction action, string actor, string? actorUserId, string subject, string? before = null, string? after = null)
    {
        _pendingEvents.Add(new AuditEntry
        {
            Action = action,
            Actor = actor,
            ActorUserId = actorUserId,
            EntityType = "Account",
            RecordLabel = subject,
            Confidentiality = Confidentiality.Restricted,
            OwnerSide = Side.Joint,
            Before = before,
            After = after,
        });
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<PuenteUser>(e =>
        {
            e.Property(u => u.Side).HasConversion<string>().HasMaxLength(8);
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Groups).HasMaxLength(1000);
        });

        builder.Entity<Track>(e =>
        {
            ConfigureRecord(e);
            Bilingual(e.Property(t => t.NameEn), e.Property(t => t.NameEs), e.Property(t => t.DescriptionEn), e.Property(t => t.DescriptionEs));
        });
        builder.Entity<Mechanism>(e =>
        {
            ConfigureRecord(e);
            Bilingual(e.Property(t => t.NameEn), e.Property(t => t.NameEs), e.Property(t => t.DescriptionEn), e.Property(t => t.DescriptionEs));
            e.Property(m => m.Participants).HasMaxLength(100);
            e.Property(m => m.Cadence).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Established).HasMaxLength(20);
            e.HasOne(m => m.Track).WithMany().HasForeignKey(m => m.TrackId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Actor>(e =>
        {
            ConfigureRecord(e);
            Bilingual(e.Property(t => t.NameEn), e.Property(t => t.NameEs), e.Property(t => t.DescriptionEn), e.Property(t => t.DescriptionEs));
            e.Property(a => a.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Country).HasMaxLength(8);
            e.Property(a => a.City).HasMaxLength(100);
            e.Property(a => a.Region).HasMaxLength(100);
            e.Property(a => a.Website).HasMaxLength(300);
            e.HasOne(a => a.Track).WithMany().HasForeignKey(a => a.TrackId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => a.Country);
            e.HasIndex(a => a.Type);
        });
        builder.Entity<Recommendation>(e =>
        {
            ConfigureRecord(e);
            e.Property(r => r.Addressee).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.IssueCodes).HasMaxLength(300);
            e.Property(r => r.TextEn).HasMaxLength(4000);
            e.Property(r => r.TextEs).HasMaxLength(4000);
            e.HasOne(r => r.Track).WithMany().HasForeignKey(r => r.TrackId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AgendaIssue>(e =>
        {
            ConfigureRecord(e);
            Bilingual(e.Property(t => t.NameEn), e.Property(t => t.NameEs), e.Property(t => t.DescriptionEn), e.Property(t => t.DescriptionEs));
        });
        builder.Entity<Administration>(e =>
        {
            ConfigureRecord(e);
            e.Property(a => a.Country).HasMaxLength(8);
            e.Property(a => a.HeadOfStateEn).HasMaxLength(200);
            e.Property(a => a.HeadOfStateEs).HasMaxLength(200);
            e.Property(a => a.TitleEn).HasMaxLength(200);
            e.Property(a => a.TitleEs).HasMaxLength(200);
            e.Property(a => a.Party).HasMaxLength(100);
        });

        builder.Entity<Core.Water.WaterDeliveryRecord>(e =>
        {
            ConfigureRecord(e);
            e.Property(d => d.VolumeAf).HasPrecision(18, 6);
            e.Property(d => d.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.DocumentReference).HasMaxLength(500);
            e.HasIndex(d => d.Date);
        });

        builder.Entity<Core.Water.StorageReadingRecord>(e =>
        {
            ConfigureRecord(e);
            e.Property(r => r.UsOwnedAf).HasPrecision(18, 6);
            e.Property(r => r.UsCapacityAf).HasPrecision(18, 6);
            e.Property(r => r.Reservoir).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(r => r.Date);
        });

        builder.Entity<Core.Water.ReserveMovementRecord>(e =>
        {
            ConfigureRecord(e);
            e.Property(r => r.VolumeAf).HasPrecision(18, 6);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.DocumentReference).HasMaxLength(500);
        });

        builder.Entity<RecordGrant>(e =>
        {
            e.Property(g => g.Principal).HasMaxLength(200);
            e.HasIndex(g => new { g.RecordId, g.Principal }).IsUnique();
        });

        builder.Entity<AuditEntry>(e =>
        {
            // Ids are assigned under the chain lock, in chain order, so that ordering by id is ordering by chain.
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.ActorUserId).HasMaxLength(64);
            e.Property(a => a.Action).HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.EntityType).HasMaxLength(60);
            e.Property(a => a.RecordLabel).HasMaxLength(300);
            e.Property(a => a.Confidentiality).HasConversion<string>().HasMaxLength(12);
            e.Property(a => a.OwnerSide).HasConversion<string>().HasMaxLength(8);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => a.PreviousHash).IsUnique();
            e.HasIndex(a => a.RecordId);
            // Content history follows the record's access; account events (no record) are for administrators.
            e.HasQueryFilter(a => ViewerIsSystem || (ViewerIsSignedIn && (a.RecordId == null
                ? ViewerIsAdministrator
                : a.Confidentiality == Confidentiality.Shared
                  || (a.Confidentiality == Confidentiality.Internal && a.OwnerSide == ViewerSide)
                  || (a.Confidentiality == Confidentiality.Restricted
                      && RecordGrants.Any(g => g.RecordId == a.RecordId && ViewerPrincipals.Contains(g.Principal))))));
        });
    }

    private static void Bilingual(params PropertyBuilder<string>[] properties)
    {
        properties[0].HasMaxLength(300);
        properties[1].HasMaxLength(300);
        properties[2].HasMaxLength(4000);
        properties[3].HasMaxLength(4000);
    }

    /// <summary>Columns every content record shares, and the access rule: the one place reads are authorized.</summary>
    private void ConfigureRecord<T>(EntityTypeBuilder<T> e)
        where T : ContentRecord
    {
        e.Property(r => r.Id).ValueGeneratedNever();
        e.Property(r => r.Code).HasMaxLength(CatalogCode.MaxLength);
        e.HasIndex(r => r.Code).IsUnique();
        e.Property(r => r.Section).HasMaxLength(12);
        e.Property(r => r.Confidentiality).HasConversion<string>().HasMaxLength(12);
        e.Property(r => r.OwnerSide).HasConversion<string>().HasMaxLength(8);
        e.Property(r => r.CreatedBy).HasMaxLength(256);
        e.Property(r => r.UpdatedBy).HasMaxLength(256);
        e.Property(r => r.SeedHash).HasMaxLength(64);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.Ignore(r => r.Label);
        e.HasQueryFilter(r => ViewerIsSystem || (ViewerIsSignedIn
            && (r.Confidentiality == Confidentiality.Shared
                || (r.Confidentiality == Confidentiality.Internal && r.OwnerSide == ViewerSide)
                || (r.Confidentiality == Confidentiality.Restricted
                    && RecordGrants.Any(g => g.RecordId == r.Id && ViewerPrincipals.Contains(g.Principal))))));
    }

    /// <inheritdoc />
    /// <remarks>Runs the asynchronous path: audit appends need the chain lock either way.</remarks>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = AuditFacts.ToStoredPrecision(_time.GetUtcNow());
        var audit = PrepareAudit(now);
        if (audit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await LockAuditChainAsync(cancellationToken);

        var last = await AuditEntries.IgnoreQueryFilters().AsNoTracking()
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
            AuditEntries.Add(entry);
        }

        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            _pendingEvents.Clear();
            return written;
        }
        catch
        {
            // Leave the context as it was: the queued audit entries are not part of the failed change.
            foreach (var entry in audit)
            {
                Entry(entry).State = EntityState.Detached;
            }

            throw;
        }
    }

    /// <summary>Serializes writers of the audit chain for the rest of the current transaction.</summary>
    /// <remarks>SQLite: the transaction EF Core begins is <c>BEGIN IMMEDIATE</c>, which already holds the write lock.</remarks>
    protected virtual Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private List<AuditEntry> PrepareAudit(DateTimeOffset now)
    {
        ChangeTracker.DetectChanges();
        var viewer = Viewer;
        var audit = new List<AuditEntry>();

        foreach (var entry in ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit entries are append-only; they are never modified or deleted.");
            }
        }

        foreach (var entry in ChangeTracker.Entries<ContentRecord>().ToList())
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
                    continue;
            }

            audit.Add(new AuditEntry
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
            });
        }

        foreach (var entry in ChangeTracker.Entries<RecordGrant>())
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

        audit.AddRange(_pendingEvents);
        return audit;
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
