using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Data.Identity;

namespace Puente.Data.Calendar;

/// <summary>The <c>CalendarFeeds</c> table: one per user, found by the hash of its secret (unique).</summary>
public sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.HasKey(f => f.UserId);
        builder.Property(f => f.TokenHash).HasMaxLength(CalendarFeedToken.HashLength);
        builder.Property(f => f.Language).HasMaxLength(2);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<PuenteUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
