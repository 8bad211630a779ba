using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Webhooks;

namespace Puente.Data.Webhooks;

/// <summary>The <c>WebhookAttempts</c> table: the delivery log, read per subscription newest first.</summary>
public sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("WebhookAttempts");
        builder.Property(a => a.EventType).HasMaxLength(WebhookEvents.NameMaxLength);
        builder.Property(a => a.EventKey).HasMaxLength(WebhookDelivery.KeyMaxLength);
        builder.Property(a => a.Error).HasMaxLength(WebhookAttempt.ErrorMaxLength);
        builder.HasIndex(a => new { a.SubscriptionId, a.Id });
        builder.HasIndex(a => new { a.DeliveryId, a.Number });
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(a => a.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
