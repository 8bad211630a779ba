using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Plans;

namespace Puente.Data.Plans;

/// <summary>Plans have only the common bilingual columns.</summary>
public sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder) => builder.ToTable("Plans");
}

/// <summary>
/// A recommendation's dated status changes; one sequence number per recommendation (two editors recording at once meet
/// this unique index, and the second hears 409). The scorecard reads (recommendation, date, sequence, status) from the
/// second index alone.
/// </summary>
public sealed class RecommendationStatusChangeConfiguration : IEntityTypeConfiguration<RecommendationStatusChange>
{
    public void Configure(EntityTypeBuilder<RecommendationStatusChange> builder)
    {
        builder.ToTable("RecommendationStatusChanges");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.NoteEn).HasMaxLength(RecommendationStatusChange.NoteMaxLength);
        builder.Property(s => s.NoteEs).HasMaxLength(RecommendationStatusChange.NoteMaxLength);
        builder.Property(s => s.EvidenceUrl).HasMaxLength(RecommendationStatusChange.UrlMaxLength);
        builder.HasOne<Core.Memory.Engagement>().WithMany().HasForeignKey(s => s.EvidenceEngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Core.Commitments.Commitment>().WithMany().HasForeignKey(s => s.EvidenceCommitmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ParentId, s.Sequence }).IsUnique();
        builder.HasIndex(s => new { s.ParentId, s.Date, s.Sequence, s.Status, s.Confidentiality, s.OwnerSide }).HasDatabaseName("IX_RecommendationStatusChanges_AsOf");
        builder.HasIndex(s => s.EvidenceEngagementId);
        builder.HasIndex(s => s.EvidenceCommitmentId);
    }
}
