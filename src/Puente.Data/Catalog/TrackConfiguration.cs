using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Catalog;

namespace Puente.Data.Catalog;

/// <summary>Tracks: only the shared record columns (applied by convention in <see cref="PuenteDbContext"/>).</summary>
public sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> builder) => builder.ToTable("Tracks");
}
