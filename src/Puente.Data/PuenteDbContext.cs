using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
/// <item>every query over a <see cref="ContentRecord"/> (and the audit trail) is filtered by the viewer's access — the
/// rule is written once below and applied to every content record type by convention;</item>
/// <item>every change is appended to the audit chain in the same transaction (<see cref="AuditWriter"/>).</item>
/// </list>
/// Each record type's own columns are an <see cref="IEntityTypeConfiguration{TEntity}"/> beside its module.
/// Provider-specific subclasses (<see cref="SqlitePuenteDbContext"/>, <see cref="PostgresPuenteDbContext"/>) carry
/// their own migrations.
/// </summary>
public abstract class PuenteDbContext : IdentityDbContext<PuenteUser>, IDataProtectionKeyContext
{
    private static readonly MethodInfo ConfigureRecordMethod =
        typeof(PuenteDbContext).GetMethod(nameof(ConfigureRecord), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static readonly MethodInfo ConfigurePartMethod =
        typeof(PuenteDbContext).GetMethod(nameof(ConfigurePart), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly List<AuditEntry> _pendingEvents = [];
    private TimeProvider _time = TimeProvider.System;
    private IViewerAccessor _viewerAccessor = NoViewer.Instance;

    /// <summary>
    /// A context that sees nothing and anchors nothing until <see cref="Bind"/> gives it its unit of work's viewer.
    /// Instances are pooled (docs/decisions/0026-pooled-contexts-and-cached-sql.md): the one constructor takes only the
    /// options, and everything a unit of work owns is set by <see cref="Bind"/> and forgotten when it is disposed.
    /// </summary>
    protected PuenteDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// Gives this context to one unit of work: whose access filters its queries, the clock that stamps its changes and
    /// where the audit trail is anchored (null only at design time). Called on every lease from the pool.
    /// </summary>
    public void Bind(IViewerAccessor viewer, TimeProvider time, AuditAnchorStore? anchor)
    {
        _viewerAccessor = viewer;
        _time = time;
        AnchorStore = anchor;
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

    /// <summary>The search index's entries, kept by every save (docs/decisions/0049-search.md); no access of their own.</summary>
    public DbSet<Search.SearchEntry> SearchEntries => Set<Search.SearchEntry>();

    /// <summary>The audit trail's anchor outside the database; null only for design-time contexts.</summary>
    public AuditAnchorStore? AnchorStore { get; private set; }

    /// <summary>The head this context appended in its current transaction, anchored when that transaction commits.</summary>
    internal AuditAnchorCandidate? PendingAnchor { get; set; }

    /// <summary>The viewer whose access filters every query of this context.</summary>
    public Viewer Viewer => _viewerAccessor.Viewer;

    // The query filters read these properties; EF Core evaluates them per query, per context instance.
    private bool ViewerIsSystem => Viewer.IsSystem;
    private bool ViewerIsSignedIn => Viewer.IsSignedIn;
    private bool ViewerIsAdministrator => Viewer.IsAdministrator;
    private Side? ViewerSide => Viewer.Side;
    private string[] ViewerPrincipals => [.. Viewer.Principals];
    private string? ViewerUserId => Viewer.UserId;

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

    /// <summary>Queues, for the next save, that the viewer read something of <paramref name="record"/> that is
    /// audited when read (an attachment downloaded); the entry is read under the record's access.</summary>
    public void RecordReadEvent(AuditAction action, ContentRecord record, string label)
    {
        ArgumentNullException.ThrowIfNull(record);
        _pendingEvents.Add(new AuditEntry
        {
            Action = action,
            Actor = Viewer.UserName,
            ActorUserId = Viewer.UserId,
            EntityType = record.GetType().Name,
            RecordId = record is RecordPart part ? part.ParentId : record.Id,
            RecordLabel = label,
            Confidentiality = record.Confidentiality,
            OwnerSide = record.OwnerSide,
        });
    }

    /// <summary>Queues, for the next save, that the viewer exported a list (<paramref name="list"/>); <paramref name="details"/>
    /// (JSON: format, filters, rows) goes in the entry's After. Administrators of the exporter's side read it.</summary>
    public void RecordExportEvent(string list, string details)
    {
        _pendingEvents.Add(new AuditEntry
        {
            Action = AuditAction.Exported,
            Actor = Viewer.UserName,
            ActorUserId = Viewer.UserId,
            EntityType = "Export",
            RecordLabel = list,
            Confidentiality = Confidentiality.Internal,
            OwnerSide = Viewer.Side ?? Side.Joint,
            After = details,
        });
    }

    /// <summary>
    /// Adds what every context's options need: the anchor moves only after a commit, which an interceptor sees whoever
    /// commits. Pooled options must have it before the pool is built (a pooled context cannot change its options).
    /// </summary>
    public static DbContextOptionsBuilder AddAuditAnchoring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(AuditAnchorInterceptor.Instance) == true
            ? optionsBuilder
            : optionsBuilder.AddInterceptors(AuditAnchorInterceptor.Instance);

    /// <inheritdoc />
    /// <remarks>Contexts built outside the pool (design time, tests) get the anchoring here.</remarks>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => AddAuditAnchoring(optionsBuilder);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PuenteDbContext).Assembly);

        foreach (var type in builder.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => t.IsAssignableTo(typeof(ContentRecord))).ToList())
        {
            ConfigureRecordMethod.MakeGenericMethod(type).Invoke(this, [builder]);
        }

        // Attachment bytes are readable exactly when their attachment is.
        builder.Entity<Core.Memory.AttachmentContent>().HasQueryFilter(c => Set<Core.Memory.EngagementAttachment>().Any(a => a.Id == c.AttachmentId));

        // Content history follows the record's access; account events (no record) are for administrators.
        // An export's entry (its row count says how much of its side's material there is) is for its side's administrators.
        builder.Entity<AuditEntry>().HasQueryFilter(a => ViewerIsSystem || (ViewerIsSignedIn && (a.RecordId == null
            ? ViewerIsAdministrator && (a.Action != AuditAction.Exported || a.OwnerSide == ViewerSide)
            : a.Confidentiality == Confidentiality.Shared
              || (a.Confidentiality == Confidentiality.Internal && a.OwnerSide == ViewerSide)
              || (a.Confidentiality == Confidentiality.Restricted
                  && RecordGrants.Any(g => g.RecordId == a.RecordId && ViewerPrincipals.Contains(g.Principal))))));

        // A user's notifications are theirs alone; the outbox is read by the dispatcher (the system) only
        // (docs/decisions/0041-mail-outbox.md).
        builder.Entity<Notifications.Notification>().HasQueryFilter(n => ViewerIsSystem || (ViewerUserId != null && n.UserId == ViewerUserId));
        builder.Entity<Mail.OutboxMessage>().HasQueryFilter(m => ViewerIsSystem);

        // Follows and the calendar feed's hashed secret are their user's alone (docs/decisions/0053-calendar-feeds.md).
        builder.Entity<Calendar.Follow>().HasQueryFilter(f => ViewerIsSystem || (ViewerUserId != null && f.UserId == ViewerUserId));
        builder.Entity<Calendar.CalendarFeedToken>().HasQueryFilter(f => ViewerIsSystem || (ViewerUserId != null && f.UserId == ViewerUserId));

        // Webhook deliveries are the dispatcher's; their log is read exactly by who can read its subscription
        // (docs/decisions/0034-webhooks.md).
        builder.Entity<Webhooks.WebhookDelivery>().HasQueryFilter(d => ViewerIsSystem);
        builder.Entity<Webhooks.WebhookAttempt>().HasQueryFilter(a => ViewerIsSystem
            || Set<Core.Webhooks.WebhookSubscription>().Any(s => s.Id == a.SubscriptionId));
    }

    /// <summary>Columns every content record shares, and the access rule: the one place reads are authorized.</summary>
    private void ConfigureRecord<T>(ModelBuilder builder)
        where T : ContentRecord
    {
        var e = builder.Entity<T>();
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
        if (typeof(T).IsAssignableTo(typeof(BilingualRecord)))
        {
            Bilingual(e);
        }

        if (typeof(T).IsAssignableTo(typeof(RecordPart)))
        {
            ConfigurePartMethod.MakeGenericMethod(typeof(T)).Invoke(this, [builder]);
            return;
        }

        e.HasQueryFilter(r => ViewerIsSystem || (ViewerIsSignedIn
            && (r.Confidentiality == Confidentiality.Shared
                || (r.Confidentiality == Confidentiality.Internal && r.OwnerSide == ViewerSide)
                || (r.Confidentiality == Confidentiality.Restricted
                    && RecordGrants.Any(g => g.RecordId == r.Id && ViewerPrincipals.Contains(g.Principal))))));
    }

    /// <summary>The same rule for a part of a record: its access is its parent's, and so are its grants.</summary>
    private void ConfigurePart<T>(ModelBuilder builder)
        where T : RecordPart
    {
        builder.Entity<T>().HasQueryFilter(r => ViewerIsSystem || (ViewerIsSignedIn
            && (r.Confidentiality == Confidentiality.Shared
                || (r.Confidentiality == Confidentiality.Internal && r.OwnerSide == ViewerSide)
                || (r.Confidentiality == Confidentiality.Restricted
                    && RecordGrants.Any(g => g.RecordId == r.ParentId && ViewerPrincipals.Contains(g.Principal))))));
    }

    private static void Bilingual<T>(EntityTypeBuilder<T> e)
        where T : class
    {
        e.Property<string>(nameof(BilingualRecord.NameEn)).HasMaxLength(BilingualRecord.NameMaxLength);
        e.Property<string>(nameof(BilingualRecord.NameEs)).HasMaxLength(BilingualRecord.NameMaxLength);
        e.Property<string>(nameof(BilingualRecord.DescriptionEn)).HasMaxLength(BilingualRecord.DescriptionMaxLength);
        e.Property<string>(nameof(BilingualRecord.DescriptionEs)).HasMaxLength(BilingualRecord.DescriptionMaxLength);
    }

    /// <inheritdoc />
    /// <remarks>Runs the asynchronous path: audit appends need the chain lock either way.</remarks>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var written = await AuditWriter.SaveAsync(this, AuditFacts.ToStoredPrecision(_time.GetUtcNow()), _pendingEvents,
            ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
        _pendingEvents.Clear();
        return written;
    }

    /// <inheritdoc />
    /// <remarks>A pooled context goes back to the pool seeing nothing: the next lease must bind its own viewer.</remarks>
    public override void Dispose()
    {
        Unbind();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        Unbind();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private void Unbind()
    {
        _viewerAccessor = NoViewer.Instance;
        _time = TimeProvider.System;
        AnchorStore = null;
        PendingAnchor = null;
        _pendingEvents.Clear();
    }

    /// <summary>The viewer of a context no unit of work has bound: anonymous, sees no content record.</summary>
    private sealed class NoViewer : IViewerAccessor
    {
        public static NoViewer Instance { get; } = new();

        public Viewer Viewer => Viewer.Anonymous;
    }

    /// <summary>Serializes writers of the audit chain for the rest of the current transaction.</summary>
    /// <remarks>SQLite: the transaction EF Core begins is <c>BEGIN IMMEDIATE</c>, which already holds the write lock.</remarks>
    protected internal virtual Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
