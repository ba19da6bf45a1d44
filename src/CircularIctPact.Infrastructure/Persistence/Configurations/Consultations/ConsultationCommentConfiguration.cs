using CircularIctPact.Domain.Consultations;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public void Configure(EntityTypeBuilder<ConsultationComment> builder)
    {
        builder.HasOne<Consultation>().WithMany().HasForeignKey(c => c.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AnsweredByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.CriterionCode).HasMaxLength(CriterionCode.MaxLength);
        builder.Property(c => c.AuthorOrganisation).HasMaxLength(ConsultationComment.OrganisationMaxLength);
        builder.Property(c => c.Text).HasMaxLength(ConsultationComment.TextMaxLength);
        builder.Property(c => c.Answer).HasMaxLength(ConsultationComment.AnswerMaxLength);
        builder.Property(c => c.State).AsBoundedString();
        builder.HasIndex(c => new { c.ConsultationId, c.CriterionCode });
        builder.HasIndex(c => c.AuthorUserId);
        builder.HasXminConcurrency();
    }
}
