using CircularIctPact.Domain.Documents;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> builder)
    {
        builder.ToTable("stored_documents");
        builder.Property(d => d.FileName).HasMaxLength(StoredDocument.FileNameMaxLength);
        builder.Property(d => d.ContentType).HasMaxLength(StoredDocument.ContentTypeMaxLength);
        builder.Property(d => d.Sha256).HasMaxLength(StoredDocument.Sha256Length).IsFixedLength();
        builder.Property(d => d.Content).HasColumnType("bytea");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.UploadedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(d => d.Sha256);
    }
}
