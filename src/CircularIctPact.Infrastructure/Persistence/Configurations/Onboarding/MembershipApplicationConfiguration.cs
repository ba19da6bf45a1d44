using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class MembershipApplicationConfiguration : IEntityTypeConfiguration<MembershipApplication>
{
    public void Configure(EntityTypeBuilder<MembershipApplication> builder)
    {
        builder.Property(a => a.LegalName).HasMaxLength(MemberOrganisation.LegalNameMaxLength);
        builder.Property(a => a.Website).HasMaxLength(MemberOrganisation.WebsiteMaxLength);
        builder.Property(a => a.Sector).AsBoundedString();
        builder.Property(a => a.SizeBand).AsBoundedString();
        builder.Property(a => a.IctSpendBand).AsBoundedString();
        builder.Property(a => a.Status).AsBoundedString();
        builder.Property(a => a.CountryCode).AsCountryCode();
        builder.Property(a => a.ContactName).HasMaxLength(MembershipApplication.ContactNameMaxLength);
        builder.Property(a => a.ContactEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(a => a.ContactLanguage).HasMaxLength(MembershipApplication.ContactLanguageMaxLength);
        builder.Property(a => a.ContactFunction).HasMaxLength(MembershipApplication.ContactFunctionMaxLength);
        builder.Property(a => a.Motivation).HasMaxLength(MembershipApplication.MotivationMaxLength);
        builder.Property(a => a.DecisionReason).HasMaxLength(MembershipApplication.ReasonMaxLength);
        builder.HasXminConcurrency();
        builder.HasOne<BuyerGroup>().WithMany().HasForeignKey(a => a.BuyerGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MemberOrganisation>().WithMany().HasForeignKey(a => a.MemberOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.BuyerGroupId, a.Status, a.SubmittedAt });
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(i => i.DisplayName).HasMaxLength(Invitation.DisplayNameMaxLength);
        builder.Property(i => i.TokenHash).HasMaxLength(Invitation.TokenHashLength).IsFixedLength();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.Email);
        builder.HasIndex(i => new { i.BuyerGroupId, i.InvitedAt });
        builder.HasXminConcurrency();
        builder.HasOne<MemberOrganisation>().WithMany().HasForeignKey(i => i.MemberOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BuyerGroup>().WithMany().HasForeignKey(i => i.BuyerGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.InvitedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.AcceptedUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
