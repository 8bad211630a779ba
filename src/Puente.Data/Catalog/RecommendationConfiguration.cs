using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Catalog;

namespace Puente.Data.Catalog;

/// <summary>The columns only recommendations have.</summary>
public sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.ToTable("Recommendations");
        builder.Property(r => r.Addressee).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.IssueCodes).HasMaxLength(Recommendation.MaxIssues * (CatalogCode.MaxLength + 1));
        builder.Property(r => r.TextEn).HasMaxLength(Recommendation.TextMaxLength);
        builder.Property(r => r.TextEs).HasMaxLength(Recommendation.TextMaxLength);
        builder.HasOne(r => r.Track).WithMany().HasForeignKey(r => r.TrackId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Plan).WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(r => r.Changes).WithOne(c => c.Recommendation).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PlanId, r.Status });
    }
}
