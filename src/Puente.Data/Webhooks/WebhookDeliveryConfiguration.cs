using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Webhooks;

namespace Puente.Data.Webhooks;

/// <summary>The <c>WebhookOutbox</c> table: one delivery per subscription and event key (the database holds it).</summary>
public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookOutbox");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.EventType).HasMaxLength(WebhookEvents.NameMaxLength);
        builder.Property(d => d.EventKey).HasMaxLength(WebhookDelivery.KeyMaxLength);
        builder.Property(d => d.SubjectType).HasMaxLength(WebhookDelivery.SubjectTypeMaxLength);
        builder.Property(d => d.Payload).HasMaxLength(WebhookDelivery.PayloadMaxBytes);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.HasIndex(d => new { d.SubscriptionId, d.EventKey }).IsUnique();
        // Only pending deliveries have a due time.
        builder.HasIndex(d => d.NextAttemptAt);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
