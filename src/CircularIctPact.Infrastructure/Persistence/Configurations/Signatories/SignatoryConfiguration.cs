using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Documents;
using CircularIctPact.Domain.Signatories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class SignatoryConfiguration : IEntityTypeConfiguration<Signatory>
{
    public void Configure(EntityTypeBuilder<Signatory> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Signatory.NameMaxLength);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.Kind).AsBoundedString();
        builder.Property(s => s.Role).AsBoundedString();
        builder.Property(s => s.Status).AsBoundedString();
        builder.Property(s => s.CountryCode!).AsCountryCode();
        builder.Property(s => s.ContactName).HasMaxLength(Signatory.ContactMaxLength);
        builder.Property(s => s.ContactEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.HasOne<StoredDocument>().WithMany().HasForeignKey(s => s.CommitmentDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasXminConcurrency();
        builder.Ignore(s => s.SignedOn);
        builder.OwnsMany(s => s.StatusHistory, history =>
        {
            history.ToTable("signatory_status_changes");
            history.WithOwner().HasForeignKey("SignatoryId");
            history.Property<int>("Id");
            history.HasKey("Id");
            history.Property(change => change.Status).AsBoundedString();
            history.Property(change => change.Note).HasMaxLength(500);
        });
        builder.Navigation(s => s.StatusHistory).HasField("_statusHistory");
    }
}
