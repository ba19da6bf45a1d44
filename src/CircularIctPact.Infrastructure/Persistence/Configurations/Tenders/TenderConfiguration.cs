using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Members;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class TenderConfiguration : IEntityTypeConfiguration<Tender>
{
    public void Configure(EntityTypeBuilder<Tender> builder)
    {
        builder.HasOne<MemberOrganisation>().WithMany().HasForeignKey(t => t.MemberOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProductGroup>().WithMany().HasForeignKey(t => t.ProductGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CriteriaSet>().WithMany().HasForeignKey(t => t.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Title).HasMaxLength(Tender.TitleMaxLength);
        builder.Property(t => t.Status).AsBoundedString();
        builder.Property(t => t.Currency).HasMaxLength(CurrencyCode.Length).IsFixedLength();
        builder.Property(t => t.EstimatedValue).HasPrecision(16, 2);
        builder.Property(t => t.CriterionIds).HasField("_criterionIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(t => t.DemandDate);
        builder.Ignore(t => t.IsInCalendar);
        builder.HasXminConcurrency();
        builder.OwnsMany(t => t.Lots, lots =>
        {
            lots.ToTable("tender_lots");
            lots.WithOwner().HasForeignKey("TenderId");
            lots.Property<int>("Id");
            lots.HasKey("Id");
            lots.Property(l => l.Title).HasMaxLength(TenderLot.TitleMaxLength);
        });
        builder.Navigation(t => t.Lots).HasField("_lots");
        builder.OwnsOne(t => t.Award, award =>
        {
            award.ToTable("tender_awards");
            award.WithOwner().HasForeignKey("TenderId");
            award.Property(a => a.SupplierName).HasMaxLength(TenderAward.SupplierMaxLength);
            award.Property(a => a.DeviceModels).HasMaxLength(TenderAward.DeviceModelsMaxLength);
            award.Property(a => a.UnitPrice).HasPrecision(14, 2);
            award.Property(a => a.ExpectedYearsOfUse).HasPrecision(4, 1);
        });

        // Lists filter by organisation and status; the demand signal by status and date.
        builder.HasIndex(t => new { t.MemberOrganisationId, t.Status });
        builder.HasIndex(t => new { t.Status, t.PlannedPublicationOn });
        builder.HasIndex(t => t.ProductGroupId);

        // The collective calendar counts and pages the shared planned tenders in this order; a partial index holds just
        // them, so an unfiltered count reads a third of the planned tenders' index entries (and, once vacuumed, no rows)
        // and a page is read in order without sorting.
        builder.HasIndex(t => new { t.PlannedPublicationOn, t.Title, t.Id })
            .HasDatabaseName("ix_tenders_calendar")
            .HasFilter("shared_in_calendar AND status = 'Planned'");
    }
}

internal sealed class TenderInterestConfiguration : IEntityTypeConfiguration<TenderInterest>
{
    public void Configure(EntityTypeBuilder<TenderInterest> builder)
    {
        builder.HasOne<Tender>().WithMany().HasForeignKey(i => i.TenderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MemberOrganisation>().WithMany().HasForeignKey(i => i.MemberOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Kind).AsBoundedString();
        builder.Property(i => i.Note).HasMaxLength(TenderInterest.NoteMaxLength);
        builder.HasIndex(i => new { i.TenderId, i.UserId }).IsUnique();
        builder.HasIndex(i => i.UserId);
        builder.HasXminConcurrency();
    }
}

internal sealed class MarketSignalSnapshotConfiguration : IEntityTypeConfiguration<MarketSignalSnapshot>
{
    public void Configure(EntityTypeBuilder<MarketSignalSnapshot> builder)
    {
        builder.HasIndex(s => s.Number).IsUnique();
        builder.Property(s => s.FiguresJson).HasColumnType("jsonb");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.PublishedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
