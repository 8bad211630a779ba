using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Commitments;

namespace Puente.Data.Commitments;

/// <summary>The columns only commitments have.</summary>
public sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.ToTable("Commitments");
        builder.Property(c => c.Origin).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Instrument).HasMaxLength(Commitment.InstrumentMaxLength);
        builder.Property(c => c.Team).HasMaxLength(Commitment.TeamMaxLength);
        builder.Property(c => c.IssueCodes).HasMaxLength(1000);
        builder.Property(c => c.RecommendationCodes).HasMaxLength(1000);
        builder.HasOne(c => c.OwnerMxPost).WithMany().HasForeignKey(c => c.OwnerMxPostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.OwnerUsPost).WithMany().HasForeignKey(c => c.OwnerUsPostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Engagement).WithMany().HasForeignKey(c => c.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Mechanism).WithMany().HasForeignKey(c => c.MechanismId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Changes).WithOne(s => s.Commitment).HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Cascade);
        // Due dates in order, with what the lists and the institutionalization index read beside them (status, the date
        // of the latest change, the day made) and the access rule's columns: the overdue list reads the index alone, in
        // its order, and stops at the end of its page; counting reads only the index (named: generated names exceed
        // PostgreSQL's 63 characters).
        builder.HasIndex(c => new { c.Due, c.Status, c.StatusDate, c.MadeOn, c.Confidentiality, c.OwnerSide, c.Id }).HasDatabaseName("IX_Commitments_Due");
        // A status's list, newest first.
        builder.HasIndex(c => new { c.Status, c.MadeOn, c.Confidentiality, c.OwnerSide, c.Id }).HasDatabaseName("IX_Commitments_Status_Made");
        builder.HasIndex(c => new { c.MechanismId, c.Status }).HasDatabaseName("IX_Commitments_Mechanism");
        builder.HasIndex(c => new { c.OwnerMxPostId, c.Due }).HasDatabaseName("IX_Commitments_OwnerMx");
        builder.HasIndex(c => new { c.OwnerUsPostId, c.Due }).HasDatabaseName("IX_Commitments_OwnerUs");
        builder.HasIndex(c => c.EngagementId);
        builder.HasIndex(c => c.Instrument);
        // Search checks each hit's access by id: this index answers it without reading the commitment (decision 0049).
        builder.HasIndex(c => new { c.Id, c.Confidentiality, c.OwnerSide }).HasDatabaseName("IX_Commitments_Access");
    }
}

/// <summary>A commitment's dated status changes; one sequence number per commitment.</summary>
public sealed class CommitmentStatusChangeConfiguration : IEntityTypeConfiguration<CommitmentStatusChange>
{
    public void Configure(EntityTypeBuilder<CommitmentStatusChange> builder)
    {
        builder.ToTable("CommitmentStatusChanges");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.NoteEn).HasMaxLength(CommitmentStatusChange.NoteMaxLength);
        builder.Property(s => s.NoteEs).HasMaxLength(CommitmentStatusChange.NoteMaxLength);
        builder.Property(s => s.EvidenceUrl).HasMaxLength(CommitmentStatusChange.UrlMaxLength);
        builder.HasOne(s => s.EvidenceEngagement).WithMany().HasForeignKey(s => s.EvidenceEngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ParentId, s.Sequence }).IsUnique();
        builder.HasIndex(s => new { s.ParentId, s.Date, s.Status });
        builder.HasIndex(s => s.EvidenceEngagementId);
    }
}
