using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Puente.Data.Identity;

/// <summary>Puente's columns on the Identity user.</summary>
public sealed class PuenteUserConfiguration : IEntityTypeConfiguration<PuenteUser>
{
    public void Configure(EntityTypeBuilder<PuenteUser> builder)
    {
        builder.Property(u => u.Side).HasConversion<string>().HasMaxLength(8);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Groups).HasMaxLength(1000);
        builder.Property(u => u.Posts).HasMaxLength(1000);
    }
}
