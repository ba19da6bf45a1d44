using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength);
        builder.Property(u => u.PreferredCulture).HasMaxLength(10);
        builder.HasOne<MemberOrganisation>().WithMany().HasForeignKey(u => u.MemberOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
