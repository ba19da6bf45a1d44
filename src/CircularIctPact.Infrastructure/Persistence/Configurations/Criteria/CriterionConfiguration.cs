using CircularIctPact.Domain.Criteria;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> builder)
    {
        builder.ToTable("criteria");

        // Ids are made by the domain; a criterion found new in a tracked set's collection must be inserted, not updated.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Code)
            .HasConversion(code => code.Value, value => CriterionCode.Parse(value, CriteriaSetFields.Code))
            .HasMaxLength(CriterionCode.MaxLength);
        builder.HasIndex(c => new { c.CriteriaSetId, c.Code }).IsUnique();
        builder.Property(c => c.Theme).AsBoundedString();
        builder.Property(c => c.AmbitionLevel).AsBoundedString();
        builder.Property(c => c.Type).AsBoundedString();
        builder.Property(c => c.Strategy).AsBoundedString();
        builder.Property(c => c.References).HasMaxLength(Criterion.ReferencesMaxLength);
        builder.Ignore(c => c.Classification);
        builder.HasMany(c => c.Texts).WithOne().HasForeignKey(t => t.CriterionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Texts).HasField("_texts");
    }
}

internal sealed class CriterionTextConfiguration : IEntityTypeConfiguration<CriterionText>
{
    /// <summary>
    /// The PostgreSQL text search configuration per language, chosen per row from the stored language
    /// name, so Dutch rows are stemmed as Dutch ("reparatie" finds "reparaties") and so on.
    /// </summary>
    private const string Configuration =
        "(CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE " +
            "'english'::regconfig END)";

    public void Configure(EntityTypeBuilder<CriterionText> builder)
    {
        builder.ToTable("criterion_texts");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => new { t.CriterionId, t.Language }).IsUnique();
        builder.Property(t => t.Language).AsBoundedString();
        builder.Property(t => t.Title).HasMaxLength(CriterionContent.TitleMaxLength);
        builder.Property(t => t.Requirement).HasMaxLength(CriterionContent.TextMaxLength);
        builder.Property(t => t.Verification).HasMaxLength(CriterionContent.TextMaxLength);
        builder.Property(t => t.ContractManagement).HasMaxLength(CriterionContent.TextMaxLength);
        builder.Property(t => t.ExplanatoryNote).HasMaxLength(CriterionContent.TextMaxLength);
        builder.Property(t => t.MarketReadiness).HasMaxLength(CriterionContent.TextMaxLength);
        builder.Ignore(t => t.Content);
        builder.Property<NpgsqlTsVector>(CriteriaTextSearch.SearchVector)
            .HasComputedColumnSql(
                $"setweight(to_tsvector({Configuration}, coalesce(title, '')), 'A') || " +
                $"setweight(to_tsvector({Configuration}, coalesce(requirement, '') || ' ' || coalesce(verification, '') || ' ' || " +
                "coalesce(contract_management, '') || ' ' || coalesce(explanatory_note, '') || ' ' || " +
                "coalesce(market_readiness, '')), 'B')",
                stored: true);
        builder.HasIndex(CriteriaTextSearch.SearchVector).HasMethod("GIN");
    }
}
