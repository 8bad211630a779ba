using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Water;

namespace Puente.Data.Water;

/// <summary>Movements of Mexico's Colorado reserve in Lake Mead.</summary>
public sealed class ReserveMovementConfiguration : IEntityTypeConfiguration<ReserveMovementRecord>
{
    public void Configure(EntityTypeBuilder<ReserveMovementRecord> builder)
    {
        builder.ToTable("ReserveMovements");
        builder.Property(r => r.VolumeAf).HasPrecision(18, 6);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.DocumentReference).HasMaxLength(500);
    }
}
