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
        builder.Property(d => d.DocumentReference).HasMaxLength(WaterLimits.MaxDocumentLength);
        builder.Property(d => d.WithdrawalReason).HasMaxLength(WaterLimits.MaxReasonLength);
        builder.HasIndex(d => d.Date);
        // One delivery per week and source, held by the database so parallel writers cannot both win. A withdrawn
        // delivery has no week (null), and nulls are distinct in a unique index on SQLite and PostgreSQL alike.
        builder.HasIndex(d => new { d.WeekOf, d.Source }).IsUnique();
    }
}
