using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Catalog;

namespace Puente.Data.Catalog;

/// <summary>The columns only mechanisms have.</summary>
public sealed class MechanismConfiguration : IEntityTypeConfiguration<Mechanism>
{
    public void Configure(EntityTypeBuilder<Mechanism> builder)
    {
        builder.ToTable("Mechanisms");
        builder.Property(m => m.Participants).HasMaxLength(100);
        builder.Property(m => m.Cadence).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Established).HasMaxLength(20);
        builder.HasOne(m => m.Track).WithMany().HasForeignKey(m => m.TrackId).OnDelete(DeleteBehavior.Restrict);
    }
}
