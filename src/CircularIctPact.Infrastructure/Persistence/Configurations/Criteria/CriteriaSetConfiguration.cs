using CircularIctPact.Domain.Criteria;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class CriteriaSetConfiguration : IEntityTypeConfiguration<CriteriaSet>
{
    public void Configure(EntityTypeBuilder<CriteriaSet> builder)
    {
        builder.HasOne<ProductGroup>().WithMany().HasForeignKey(s => s.ProductGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Number)
            .HasConversion(number => number.ToString(), value => CriteriaVersion.Parse(value, CriteriaSetFields.Version))
            .HasMaxLength(CriteriaVersion.MaxLength);
        builder.HasIndex(s => new { s.ProductGroupId, s.Number }).IsUnique();
        builder.Property(s => s.Status).AsBoundedString();
        builder.HasIndex(s => new { s.ProductGroupId, s.Status });
        builder.HasOne<CriteriaSet>().WithMany().HasForeignKey(s => s.BasedOnSetId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.IsPublic);
        builder.HasXminConcurrency();
        builder.HasMany(s => s.Criteria).WithOne().HasForeignKey(c => c.CriteriaSetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Criteria).HasField("_criteria");
        builder.OwnsMany(s => s.ReleaseNotes, notes =>
        {
            notes.ToTable("criteria_set_release_notes");
            notes.WithOwner().HasForeignKey("CriteriaSetId");
            notes.Property<int>("Id");
            notes.HasKey("Id");
            notes.Property(n => n.Language).AsBoundedString();
            notes.Property(n => n.Text).HasMaxLength(CriteriaSet.ReleaseNotesMaxLength);
        });
        builder.Navigation(s => s.ReleaseNotes).HasField("_releaseNotes");
    }
}
