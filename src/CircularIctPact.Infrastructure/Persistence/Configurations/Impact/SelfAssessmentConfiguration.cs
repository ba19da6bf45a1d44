using CircularIctPact.Domain.Impact;
using CircularIctPact.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class SelfAssessmentConfiguration : IEntityTypeConfiguration<SelfAssessment>
{
    public void Configure(EntityTypeBuilder<SelfAssessment> builder)
    {
        builder.HasOne<MemberOrganisation>().WithMany().HasForeignKey(s => s.MemberOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.MemberOrganisationId, s.Year }).IsUnique();
        builder.Property(s => s.Status).AsBoundedString();
        builder.OwnsMany(s => s.Answers, answers =>
        {
            answers.ToTable("self_assessment_answers");
            answers.WithOwner().HasForeignKey("SelfAssessmentId");
            answers.Property<int>("Id");
            answers.HasKey("Id");
            answers.Property(a => a.Theme).AsBoundedString();
            answers.Property(a => a.Comment).HasMaxLength(SelfAssessment.CommentMaxLength);
            answers.HasIndex("SelfAssessmentId", nameof(ThemeAnswer.Theme)).IsUnique();
        });
        builder.Navigation(s => s.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasXminConcurrency();
    }
}
