using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Data.Identity;

namespace Puente.Data.Calendar;

/// <summary>The <c>Follows</c> table: one row per user and subject (the database holds it).</summary>
public sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.ToTable("Follows");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.SubjectType).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(f => new { f.UserId, f.SubjectType, f.SubjectId }).IsUnique();
        builder.HasOne<PuenteUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
