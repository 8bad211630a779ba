using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Memory;

namespace Puente.Data.Memory;

/// <summary>The columns only posts have.</summary>
public sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable("Posts");
        builder.Property(p => p.Country).HasMaxLength(8);
        builder.Property(p => p.Seniority).HasConversion<string>().HasMaxLength(30);
        builder.HasOne(p => p.Actor).WithMany().HasForeignKey(p => p.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.ActorId);
    }
}

/// <summary>Who held a post when.</summary>
public sealed class TenureConfiguration : IEntityTypeConfiguration<Tenure>
{
    public void Configure(EntityTypeBuilder<Tenure> builder)
    {
        builder.ToTable("Tenures");
        builder.Property(t => t.Certainty).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Note).HasMaxLength(Tenure.NoteMaxLength);
        builder.Property(t => t.NoteEs).HasMaxLength(Tenure.NoteMaxLength);
        builder.Property(t => t.Source).HasMaxLength(Tenure.SourceMaxLength);
        builder.HasOne(t => t.Post).WithMany().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Person).WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.PostId, t.From });
        builder.HasIndex(t => new { t.PersonId, t.From });
    }
}

/// <summary>Posts that are counterparts across the border.</summary>
public sealed class PostCounterpartConfiguration : IEntityTypeConfiguration<PostCounterpart>
{
    public void Configure(EntityTypeBuilder<PostCounterpart> builder)
    {
        builder.ToTable("PostCounterparts");
        builder.HasOne(c => c.Post).WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Counterpart).WithMany().HasForeignKey(c => c.CounterpartId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.PostId);
        builder.HasIndex(c => c.CounterpartId);
    }
}
