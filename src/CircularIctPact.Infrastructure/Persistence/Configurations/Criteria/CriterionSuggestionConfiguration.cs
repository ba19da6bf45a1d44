using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class CriterionSuggestionConfiguration : IEntityTypeConfiguration<CriterionSuggestion>
{
    public void Configure(EntityTypeBuilder<CriterionSuggestion> builder)
    {
        builder.HasOne<ProductGroup>().WithMany().HasForeignKey(s => s.ProductGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CriteriaSet>().WithMany().HasForeignKey(s => s.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CriteriaSet>().WithMany().HasForeignKey(s => s.LinkedDraftSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Code)
            .HasConversion(code => code.Value, value => CriterionCode.Parse(value, CriteriaSetFields.Code))
            .HasMaxLength(CriterionCode.MaxLength);
        builder.Property(s => s.Proposal).HasMaxLength(CriterionSuggestion.ProposalMaxLength);
        builder.Property(s => s.Reason).HasMaxLength(CriterionSuggestion.ReasonMaxLength);
        builder.Property(s => s.TriageNote).HasMaxLength(CriterionSuggestion.NoteMaxLength);
        builder.Property(s => s.Status).AsBoundedString();
        builder.HasIndex(s => new { s.ProductGroupId, s.Status });
        builder.HasXminConcurrency();
    }
}
