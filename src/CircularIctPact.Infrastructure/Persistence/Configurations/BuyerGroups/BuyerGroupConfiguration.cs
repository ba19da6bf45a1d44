using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Documents;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class BuyerGroupConfiguration : IEntityTypeConfiguration<BuyerGroup>
{
    public void Configure(EntityTypeBuilder<BuyerGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(BuyerGroup.NameMaxLength);
        builder.HasIndex(g => g.Name).IsUnique();
        builder.Property(g => g.CoordinatingOrganisation).HasMaxLength(BuyerGroup.OrganisationMaxLength);
        builder.Property(g => g.Description).HasMaxLength(BuyerGroup.DescriptionMaxLength);
        builder.Property(g => g.ArchiveReason).HasMaxLength(BuyerGroup.ArchiveReasonMaxLength);
        builder.HasOne<Signatory>().WithMany().HasForeignKey(g => g.SignatoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasXminConcurrency();
        builder.HasMany(g => g.Tiers).WithOne().HasForeignKey(t => t.BuyerGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(g => g.Tiers).HasField("_tiers");
        builder.HasMany(g => g.Coordinators).WithOne().HasForeignKey(c => c.BuyerGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Coordinators).HasField("_coordinators");
        builder.HasMany(g => g.Documents).WithOne().HasForeignKey(d => d.BuyerGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(g => g.Documents).HasField("_documents");
    }
}

internal sealed class BuyerGroupDocumentConfiguration : IEntityTypeConfiguration<BuyerGroupDocument>
{
    public void Configure(EntityTypeBuilder<BuyerGroupDocument> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(BuyerGroupDocument.TitleMaxLength);
        builder.HasOne<StoredDocument>().WithMany().HasForeignKey(d => d.StoredDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.StoredDocumentId).IsUnique();
    }
}

internal sealed class BuyerGroupTierConfiguration : IEntityTypeConfiguration<BuyerGroupTier>
{
    public void Configure(EntityTypeBuilder<BuyerGroupTier> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(BuyerGroupTier.NameMaxLength);
        builder.HasIndex(t => new { t.BuyerGroupId, t.Name }).IsUnique();
    }
}

internal sealed class BuyerGroupCoordinatorConfiguration : IEntityTypeConfiguration<BuyerGroupCoordinator>
{
    public void Configure(EntityTypeBuilder<BuyerGroupCoordinator> builder)
    {
        builder.HasKey(c => new { c.BuyerGroupId, c.UserId });
        builder.HasIndex(c => c.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
