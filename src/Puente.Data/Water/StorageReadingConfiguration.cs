using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Water;

namespace Puente.Data.Water;

/// <summary>Recorded Amistad and Falcon storage readings.</summary>
public sealed class StorageReadingConfiguration : IEntityTypeConfiguration<StorageReadingRecord>
{
    public void Configure(EntityTypeBuilder<StorageReadingRecord> builder)
    {
        builder.ToTable("StorageReadings");
        builder.Property(r => r.UsOwnedAf).HasPrecision(18, 6);
        builder.Property(r => r.UsCapacityAf).HasPrecision(18, 6);
        builder.Property(r => r.Reservoir).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => r.Date);
    }
}
