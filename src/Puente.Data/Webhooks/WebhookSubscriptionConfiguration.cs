using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Webhooks;

namespace Puente.Data.Webhooks;

/// <summary>The columns only webhook subscriptions have.</summary>
public sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.Property(s => s.Name).HasMaxLength(WebhookSubscription.NameMaxLength);
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength);
        builder.Property(s => s.Events).HasMaxLength(WebhookSubscription.EventsMaxLength);
        builder.Property(s => s.AccountUserId).HasMaxLength(WebhookSubscription.AccountMaxLength);
        builder.Property(s => s.SecretCipher).HasMaxLength(WebhookSubscription.SecretCipherMaxLength);
        builder.HasIndex(s => new { s.OwnerSide, s.Enabled });
    }
}
