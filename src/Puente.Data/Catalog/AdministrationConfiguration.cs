using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Catalog;

namespace Puente.Data.Catalog;

/// <summary>The columns only administrations have.</summary>
public sealed class AdministrationConfiguration : IEntityTypeConfiguration<Administration>
{
    public void Configure(EntityTypeBuilder<Administration> builder)
    {
        builder.ToTable("Administrations");
        builder.Property(a => a.Country).HasMaxLength(8);
        builder.Property(a => a.HeadOfStateEn).HasMaxLength(200);
        builder.Property(a => a.HeadOfStateEs).HasMaxLength(200);
        builder.Property(a => a.TitleEn).HasMaxLength(200);
        builder.Property(a => a.TitleEs).HasMaxLength(200);
        builder.Property(a => a.Party).HasMaxLength(100);
    }
}
