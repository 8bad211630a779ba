using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Puente.Data.Audit;

/// <summary>The audit chain's columns. Its read filter is the access rule's and lives with it in <see cref="PuenteDbContext"/>.</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // Ids are assigned under the chain lock, in chain order, so that ordering by id is ordering by chain.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.ActorUserId).HasMaxLength(64);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.RecordLabel).HasMaxLength(300);
        builder.Property(a => a.Confidentiality).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.OwnerSide).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.HasIndex(a => a.PreviousHash).IsUnique();
        builder.HasIndex(a => a.RecordId);
    }
}
