using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Data.Identity;

namespace Puente.Data.Notifications;

/// <summary>The <c>Notifications</c> table: one per user, kind, record and occasion (the database holds it).</summary>
public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasMaxLength(Notification.KindMaxLength);
        builder.Property(n => n.Occasion).HasMaxLength(Notification.KindMaxLength);
        builder.HasIndex(n => new { n.UserId, n.Kind, n.RecordId, n.Occasion }).IsUnique();
        // The page and the badge read a user's newest (unread) first.
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasOne<PuenteUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
