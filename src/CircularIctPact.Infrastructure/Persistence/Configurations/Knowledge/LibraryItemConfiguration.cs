using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Documents;
using CircularIctPact.Domain.Knowledge.Library;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class LibraryItemConfiguration : IEntityTypeConfiguration<LibraryItem>
{
    public void Configure(EntityTypeBuilder<LibraryItem> builder)
    {
        builder.ToTable("library_items");
        builder.HasOne<ProductGroup>().WithMany().HasForeignKey(i => i.ProductGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Title).HasMaxLength(LibraryItem.TitleMaxLength);
        builder.Property(i => i.Description).HasMaxLength(LibraryItem.DescriptionMaxLength);
        builder.Property(i => i.Type).AsBoundedString();
        builder.Property(i => i.Language).AsBoundedString();
        builder.Property(i => i.Translations).AsTranslations();
        builder.Property(i => i.Visibility).AsBoundedString();
        builder.HasIndex(i => i.Tags).HasMethod("GIN");
        builder.Property<NpgsqlTsVector>(KnowledgeTextSearch.SearchVector)
            .HasComputedColumnSql(KnowledgeTextSearch.Vector([("title", "Title")], [("description", "Description")]), stored: true);
        builder.HasIndex(KnowledgeTextSearch.SearchVector).HasMethod("GIN");
        builder.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Versions).HasField("_versions");
        builder.HasXminConcurrency();
    }
}

internal sealed class LibraryItemVersionConfiguration : IEntityTypeConfiguration<LibraryItemVersion>
{
    public void Configure(EntityTypeBuilder<LibraryItemVersion> builder)
    {
        builder.ToTable("library_item_versions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Url).HasMaxLength(ExternalLink.MaxLength);
        builder.Property(v => v.ChangeNote).HasMaxLength(LibraryItemVersion.ChangeNoteMaxLength);
        builder.Property(v => v.UploadedByName).HasMaxLength(ApplicationUser.DisplayNameMaxLength);
        builder.HasOne<StoredDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.UploadedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_library_item_versions_file_or_link", "(document_id IS NULL) <> (url IS NULL)"));
    }
}
