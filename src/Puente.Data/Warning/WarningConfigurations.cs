using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Warning;

namespace Puente.Data.Warning;

/// <summary>The columns only indicators have.</summary>
public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("Indicators");
        builder.Property(i => i.Unit).HasMaxLength(Indicator.UnitMaxLength);
        builder.Property(i => i.Frequency).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Concern).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.SourceEn).HasMaxLength(Indicator.SourceMaxLength);
        builder.Property(i => i.SourceEs).HasMaxLength(Indicator.SourceMaxLength);
        builder.Property(i => i.SourceUrl).HasMaxLength(Indicator.UrlMaxLength);
        builder.Property(i => i.IssueCode).HasMaxLength(Core.Catalog.CatalogCode.MaxLength);
        builder.Property(i => i.Detectors).HasMaxLength(Indicator.DetectorsMaxLength);
        builder.Property(i => i.Derivation).HasMaxLength(Indicator.DerivationMaxLength);
        builder.HasOne(i => i.OwnerPost).WithMany().HasForeignKey(i => i.OwnerPostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Values).WithOne(v => v.Indicator).HasForeignKey(v => v.ParentId).OnDelete(DeleteBehavior.Cascade);
        // One indicator per module computation.
        builder.HasIndex(i => i.Derivation).IsUnique();
        builder.HasIndex(i => i.IssueCode);
    }
}

/// <summary>An indicator's values: one per period.</summary>
public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("IndicatorValues");
        builder.HasIndex(v => new { v.ParentId, v.Period }).IsUnique();
    }
}

/// <summary>Alerts, parts of their indicator: one per indicator, detector and first period; one open per indicator and
/// detector.</summary>
public sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("Alerts");
        builder.Property(a => a.Detector).HasMaxLength(Alert.DetectorMaxLength);
        builder.Property(a => a.Settings).HasMaxLength(Alert.SettingsMaxLength);
        builder.Property(a => a.Points).HasMaxLength(Alert.PointsMaxLength);
        builder.Property(a => a.Severity).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.IssueCode).HasMaxLength(Core.Catalog.CatalogCode.MaxLength);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        builder.Property(a => a.ClosedBy).HasMaxLength(256);
        builder.Property(a => a.Reason).HasMaxLength(Alert.ReasonMaxLength);
        builder.Property(a => a.OpenKey).HasMaxLength(Alert.OpenKeyMaxLength);
        builder.HasOne(a => a.Indicator).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Playbook).WithMany().HasForeignKey(a => a.PlaybookId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.ParentId, a.Detector, a.FirstPeriod }).IsUnique();
        // Null once resolved or dismissed: both providers let any number of rows hold null in a unique index.
        builder.HasIndex(a => a.OpenKey).IsUnique();
        builder.HasIndex(a => new { a.Status, a.Severity, a.OpenedAt });
        builder.HasIndex(a => a.IssueCode);
    }
}

/// <summary>The columns only playbooks have.</summary>
public sealed class PlaybookConfiguration : IEntityTypeConfiguration<Playbook>
{
    public void Configure(EntityTypeBuilder<Playbook> builder)
    {
        builder.ToTable("Playbooks");
        builder.Property(p => p.IssueCode).HasMaxLength(Core.Catalog.CatalogCode.MaxLength);
        builder.Property(p => p.ChannelEn).HasMaxLength(Playbook.ChannelMaxLength);
        builder.Property(p => p.ChannelEs).HasMaxLength(Playbook.ChannelMaxLength);
        builder.Property(p => p.StepsEn).HasMaxLength(Playbook.StepsMaxLength);
        builder.Property(p => p.StepsEs).HasMaxLength(Playbook.StepsMaxLength);
        builder.HasOne(p => p.Indicator).WithMany().HasForeignKey(p => p.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Mechanism).WithMany().HasForeignKey(p => p.MechanismId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.OwnerPost).WithMany().HasForeignKey(p => p.OwnerPostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.IssueCode);
        builder.HasIndex(p => p.IndicatorId);
    }
}

/// <summary>The columns only marked crises have.</summary>
public sealed class MarkedCrisisConfiguration : IEntityTypeConfiguration<MarkedCrisis>
{
    public void Configure(EntityTypeBuilder<MarkedCrisis> builder)
    {
        builder.ToTable("Crises");
        builder.Property(c => c.IssueCode).HasMaxLength(Core.Catalog.CatalogCode.MaxLength);
        builder.HasIndex(c => new { c.IssueCode, c.Start });
    }
}
