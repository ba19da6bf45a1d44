using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class SavedShortlistConfiguration : IEntityTypeConfiguration<SavedShortlist>
{
    public void Configure(EntityTypeBuilder<SavedShortlist> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Name).HasMaxLength(SavedShortlist.NameMaxLength);
        builder.HasIndex(s => new { s.OwnerUserId, s.Name }).IsUnique();
        builder.Property(s => s.Language).AsBoundedString();
        builder.Property(s => s.CriterionIds).HasField("_criterionIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasXminConcurrency();
    }
}
