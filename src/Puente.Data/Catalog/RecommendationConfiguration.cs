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
        builder.Property(r => r.IssueCodes).HasMaxLength(300);
        builder.Property(r => r.TextEn).HasMaxLength(4000);
        builder.Property(r => r.TextEs).HasMaxLength(4000);
        builder.HasOne(r => r.Track).WithMany().HasForeignKey(r => r.TrackId).OnDelete(DeleteBehavior.Restrict);
    }
}
