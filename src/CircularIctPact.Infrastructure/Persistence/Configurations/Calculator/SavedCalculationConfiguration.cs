using CircularIctPact.Domain.Impact;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class SavedCalculationConfiguration : IEntityTypeConfiguration<SavedCalculation>
{
    public void Configure(EntityTypeBuilder<SavedCalculation> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Name).HasMaxLength(SavedCalculation.NameMaxLength);
        builder.Property(s => s.Query).HasMaxLength(SavedCalculation.QueryMaxLength);
        builder.HasIndex(s => new { s.OwnerUserId, s.Name }).IsUnique();
        builder.HasXminConcurrency();
    }
}
