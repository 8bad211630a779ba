using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Catalog;

namespace Puente.Data.Catalog;

/// <summary>Agenda issues: their owner post and mechanisms (the shared record columns are applied by convention in
/// <see cref="PuenteDbContext"/>).</summary>
public sealed class AgendaIssueConfiguration : IEntityTypeConfiguration<AgendaIssue>
{
    public void Configure(EntityTypeBuilder<AgendaIssue> builder)
    {
        builder.ToTable("AgendaIssues");
        builder.Property(i => i.MechanismCodes).HasMaxLength(AgendaIssue.MechanismCodesMaxLength);
        builder.HasOne(i => i.OwnerPost).WithMany().HasForeignKey(i => i.OwnerPostId).OnDelete(DeleteBehavior.Restrict);
    }
}
