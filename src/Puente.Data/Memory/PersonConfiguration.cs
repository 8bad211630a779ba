using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Puente.Core.Memory;

namespace Puente.Data.Memory;

/// <summary>The columns only people have.</summary>
public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.Honorific).HasMaxLength(Person.HonorificMaxLength);
        builder.Property(p => p.Languages).HasMaxLength(60);
        builder.HasIndex(p => p.NameEn);
    }
}

/// <summary>A side's contact details of a person.</summary>
public sealed class PersonContactConfiguration : IEntityTypeConfiguration<PersonContact>
{
    public void Configure(EntityTypeBuilder<PersonContact> builder)
    {
        builder.ToTable("PersonContacts");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Value).HasMaxLength(PersonContact.ValueMaxLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ParentId);
    }
}
