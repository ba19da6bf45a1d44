using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class MemberOrganisationConfiguration : IEntityTypeConfiguration<MemberOrganisation>
{
    public void Configure(EntityTypeBuilder<MemberOrganisation> builder)
    {
        builder.Property(m => m.LegalName).HasMaxLength(MemberOrganisation.LegalNameMaxLength);
        builder.Property(m => m.LegalNameKey).HasMaxLength(MemberOrganisation.LegalNameMaxLength);
        builder.Property(m => m.Website).HasMaxLength(MemberOrganisation.WebsiteMaxLength);
        builder.Property(m => m.WebsiteHost).HasMaxLength(MemberOrganisation.WebsiteMaxLength);
        builder.Property(m => m.StatusReason).HasMaxLength(MemberOrganisation.ReasonMaxLength);
        builder.Property(m => m.Sector).AsBoundedString();
        builder.Property(m => m.SizeBand).AsBoundedString();
        builder.Property(m => m.IctSpendBand).AsBoundedString();
        builder.Property(m => m.Status).AsBoundedString();
        builder.Property(m => m.CountryCode).AsCountryCode();
        builder.HasXminConcurrency();
        builder.HasOne<BuyerGroup>().WithMany().HasForeignKey(m => m.BuyerGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BuyerGroupTier>().WithMany().HasForeignKey(m => m.TierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Contacts).WithOne().HasForeignKey(c => c.MemberOrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Contacts).HasField("_contacts");

        // Duplicates (same name or same website host, case-insensitive) are refused per group, also under concurrent saves.
        builder.HasIndex(m => new { m.BuyerGroupId, m.LegalNameKey }).IsUnique();
        builder.HasIndex(m => new { m.BuyerGroupId, m.WebsiteHost }).IsUnique();

        // The member grid filters by group and sorts by any column; these keep a page of thousands cheap.
        builder.HasIndex(m => new { m.BuyerGroupId, m.LegalName });
        builder.HasIndex(m => new { m.BuyerGroupId, m.Status });
        builder.HasIndex(m => new { m.BuyerGroupId, m.Sector });
        builder.HasIndex(m => new { m.BuyerGroupId, m.CountryCode });
        builder.HasIndex(m => new { m.BuyerGroupId, m.TierId });
        builder.HasIndex(m => new { m.BuyerGroupId, m.JoinedOn });
    }
}

internal sealed class MemberContactConfiguration : IEntityTypeConfiguration<MemberContact>
{
    public void Configure(EntityTypeBuilder<MemberContact> builder)
    {
        // The domain assigns ids; "never generated" makes EF insert a contact added to a loaded organisation instead of updating it.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(MemberContact.NameMaxLength);
        builder.Property(c => c.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(c => c.Phone).HasMaxLength(MemberContact.PhoneMaxLength);
        builder.Property(c => c.Function).HasMaxLength(MemberContact.FunctionMaxLength);
        builder.HasIndex(c => c.MemberOrganisationId);
        builder.HasIndex(c => c.Email);
    }
}
