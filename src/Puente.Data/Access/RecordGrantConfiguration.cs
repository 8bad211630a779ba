using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Records;

namespace Puente.Data.Access;

/// <summary>Who may read a Restricted record: one row per record and principal.</summary>
public sealed class RecordGrantConfiguration : IEntityTypeConfiguration<RecordGrant>
{
    public void Configure(EntityTypeBuilder<RecordGrant> builder)
    {
        builder.Property(g => g.Principal).HasMaxLength(200);
        builder.HasIndex(g => new { g.RecordId, g.Principal }).IsUnique();
    }
}
