using CircularIctPact.Domain.Consultations;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.HasOne<CriteriaSet>().WithMany().HasForeignKey(c => c.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.CriteriaSetId).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.OpenedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ClosesAt);
        builder.HasXminConcurrency();
    }
}
