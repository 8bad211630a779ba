using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Memory;

namespace Puente.Data.Memory;

/// <summary>The columns only engagements have.</summary>
public sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> builder)
    {
        builder.ToTable("Engagements");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.TimeZone).HasMaxLength(LocalTime.ZoneMaxLength);
        builder.Property(e => e.Place).HasMaxLength(Engagement.PlaceMaxLength);
        builder.Property(e => e.TrackCodes).HasMaxLength(1000);
        builder.Property(e => e.IssueCodes).HasMaxLength(1000);
        builder.Property(e => e.OutcomesEn).HasMaxLength(Engagement.OutcomesMaxLength);
        builder.Property(e => e.OutcomesEs).HasMaxLength(Engagement.OutcomesMaxLength);
        builder.Property(e => e.Sources).HasMaxLength(Engagement.MaxSources * (Engagement.SourceMaxLength + 1));
        builder.Property(e => e.Certainty).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.CertaintyNote).HasMaxLength(Engagement.CertaintyNoteMaxLength);
        builder.Property(e => e.CertaintyNoteEs).HasMaxLength(Engagement.CertaintyNoteMaxLength);
        builder.HasOne(e => e.Mechanism).WithMany().HasForeignKey(e => e.MechanismId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Participants).WithOne(p => p.Engagement).HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.StartUtc);
        // The list filtered by mechanism or kind and a period: the index holds what the period and the access rule read
        // (local start date, confidentiality, owning side, and the id the grants are checked on), so that counting the
        // matches reads the index alone, not one table row per match (docs/benchmarks.md, issue: memory).
        // Named: the generated names are longer than PostgreSQL's 63 characters.
        builder.HasIndex(e => new { e.MechanismId, e.StartUtc, e.StartDate, e.Confidentiality, e.OwnerSide, e.Id }).HasDatabaseName("IX_Engagements_Mechanism_Period");
        builder.HasIndex(e => new { e.Kind, e.StartUtc, e.StartDate, e.Confidentiality, e.OwnerSide, e.Id }).HasDatabaseName("IX_Engagements_Kind_Period");
        // Search checks each hit's access by id: this index answers it without reading the engagement (decision 0049).
        builder.HasIndex(e => new { e.Id, e.Confidentiality, e.OwnerSide }).HasDatabaseName("IX_Engagements_Access");
    }
}

/// <summary>Who took part.</summary>
public sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("Participants");
        builder.Property(p => p.Country).HasMaxLength(8);
        builder.Property(p => p.Seniority).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Role).HasMaxLength(Participant.RoleMaxLength);
        builder.Property(p => p.RoleEs).HasMaxLength(Participant.RoleMaxLength);
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Post).WithMany().HasForeignKey(p => p.PostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.ParentId);
        builder.HasIndex(p => new { p.PersonId, p.ParentId });
        builder.HasIndex(p => new { p.PostId, p.ParentId });
        // Head-of-state delegations for the institutionalization index (Data/Health/HealthQueries), found without reading
        // every participant.
        builder.HasIndex(p => new { p.Seniority, p.ParentId });
    }
}

/// <summary>Files attached to engagements; their bytes in a table of their own.</summary>
public sealed class EngagementAttachmentConfiguration : IEntityTypeConfiguration<EngagementAttachment>
{
    public void Configure(EntityTypeBuilder<EngagementAttachment> builder)
    {
        builder.ToTable("EngagementAttachments");
        builder.Property(a => a.FileName).HasMaxLength(EngagementAttachment.FileNameMaxLength);
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasOne(a => a.Engagement).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.ParentId);
    }
}

/// <summary>Attachment bytes (SQLite BLOB, PostgreSQL bytea), deleted with their attachment.</summary>
public sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> builder)
    {
        builder.ToTable("AttachmentContents");
        builder.HasKey(c => c.AttachmentId);
        builder.HasOne<EngagementAttachment>().WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
