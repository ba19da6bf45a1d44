using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class MemberOrganisationConfiguration : IEntityTypeConfiguration<MemberOrganisation>
{
    public void Configure(EntityTypeBuilder<MemberOrganisation> builder)
    {
        builder.Property(m => m.LegalName).HasMaxLength(MemberOrganisation.LegalNameMaxLength);
        builder.Property(m => m.Website).HasMaxLength(MemberOrganisation.WebsiteMaxLength);
        builder.Property(m => m.StatusReason).HasMaxLength(MemberOrganisation.ReasonMaxLength);
        builder.Property(m => m.Sector).AsBoundedString();
        builder.Property(m => m.SizeBand).AsBoundedString();
        builder.Property(m => m.IctSpendBand).AsBoundedString();
        builder.Property(m => m.Status).AsBoundedString();
        builder.Property(m => m.CountryCode).AsCountryCode();
        builder.HasXminConcurrency();
        builder.HasOne<BuyerGroup>().WithMany().HasForeignKey(m => m.BuyerGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BuyerGroupTier>().WithMany().HasForeignKey(m => m.TierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.BuyerGroupId, m.LegalName }).IsUnique();
        builder.HasIndex(m => new { m.BuyerGroupId, m.Status });
    }
}
