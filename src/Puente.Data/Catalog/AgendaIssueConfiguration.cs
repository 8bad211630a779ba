using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Catalog;

namespace Puente.Data.Catalog;

/// <summary>Agenda issues: only the shared record columns (applied by convention in <see cref="PuenteDbContext"/>).</summary>
public sealed class AgendaIssueConfiguration : IEntityTypeConfiguration<AgendaIssue>
{
    public void Configure(EntityTypeBuilder<AgendaIssue> builder) => builder.ToTable("AgendaIssues");
}
