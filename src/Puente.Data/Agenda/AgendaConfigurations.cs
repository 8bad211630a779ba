using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Agenda;

namespace Puente.Data.Agenda;

/// <summary>The columns only positions have.</summary>
public sealed class IssuePositionConfiguration : IEntityTypeConfiguration<IssuePosition>
{
    public void Configure(EntityTypeBuilder<IssuePosition> builder)
    {
        builder.ToTable("IssuePositions");
        builder.Property(p => p.Side).HasConversion<string>().HasMaxLength(10);
        builder.HasOne(p => p.AgendaIssue).WithMany().HasForeignKey(p => p.AgendaIssueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.AgendaIssueId, p.Side, p.StatedOn });
    }
}

/// <summary>Convergence assessments, in date order per issue.</summary>
public sealed class ConvergenceAssessmentConfiguration : IEntityTypeConfiguration<ConvergenceAssessment>
{
    public void Configure(EntityTypeBuilder<ConvergenceAssessment> builder)
    {
        builder.ToTable("ConvergenceAssessments");
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.NoteEn).HasMaxLength(ConvergenceAssessment.NoteMaxLength);
        builder.Property(a => a.NoteEs).HasMaxLength(ConvergenceAssessment.NoteMaxLength);
        builder.HasOne(a => a.AgendaIssue).WithMany().HasForeignKey(a => a.AgendaIssueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.AgendaIssueId, a.Date });
    }
}
