using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Catalog;

namespace Puente.Data.Catalog;

/// <summary>The columns only actors have.</summary>
public sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> builder)
    {
        builder.ToTable("Actors");
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Country).HasMaxLength(8);
        builder.Property(a => a.City).HasMaxLength(100);
        builder.Property(a => a.Region).HasMaxLength(100);
        builder.Property(a => a.Website).HasMaxLength(300);
        builder.HasOne(a => a.Track).WithMany().HasForeignKey(a => a.TrackId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.Country);
        builder.HasIndex(a => a.Type);
    }
}
