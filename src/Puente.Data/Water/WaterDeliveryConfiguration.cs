using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Water;

namespace Puente.Data.Water;

/// <summary>Recorded Rio Grande deliveries.</summary>
public sealed class WaterDeliveryConfiguration : IEntityTypeConfiguration<WaterDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<WaterDeliveryRecord> builder)
    {
        builder.ToTable("WaterDeliveries");
        builder.Property(d => d.VolumeAf).HasPrecision(18, 6);
        builder.Property(d => d.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.DocumentReference).HasMaxLength(500);
        builder.HasIndex(d => d.Date);
    }
}
