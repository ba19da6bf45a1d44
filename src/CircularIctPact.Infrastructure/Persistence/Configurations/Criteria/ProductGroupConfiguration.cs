using CircularIctPact.Domain.Criteria;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class ProductGroupConfiguration : IEntityTypeConfiguration<ProductGroup>
{
    public void Configure(EntityTypeBuilder<ProductGroup> builder)
    {
        builder.Property(g => g.Slug).HasMaxLength(ProductGroup.SlugMaxLength);
        builder.HasIndex(g => g.Slug).IsUnique();
        builder.HasXminConcurrency();
        builder.OwnsMany(g => g.Names, names =>
        {
            names.ToTable("product_group_names");
            names.WithOwner().HasForeignKey("ProductGroupId");
            names.Property<int>("Id");
            names.HasKey("Id");
            names.Property(n => n.Language).AsBoundedString();
            names.Property(n => n.Name).HasMaxLength(ProductGroup.NameMaxLength);
        });
        builder.Navigation(g => g.Names).HasField("_names");
    }
}
