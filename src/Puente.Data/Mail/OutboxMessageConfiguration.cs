using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Puente.Data.Mail;

/// <summary>The <c>MailOutbox</c> table: one message per key (the database holds it), due messages found by time.</summary>
public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("MailOutbox");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Key).HasMaxLength(OutboxMessage.KeyMaxLength);
        builder.HasIndex(m => m.Key).IsUnique();
        builder.Property(m => m.ToUserId).HasMaxLength(OutboxMessage.UserIdMaxLength);
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.AddressMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.TextBody).HasMaxLength(OutboxMessage.BodyMaxBytes);
        builder.Property(m => m.HtmlBody).HasMaxLength(OutboxMessage.BodyMaxBytes);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        // Only pending messages have a due time, so this index stays as small as the queue.
        builder.HasIndex(m => m.NextAttemptAt);
        builder.HasIndex(m => m.ToUserId);
    }
}
