using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Documents;
using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class GoodPracticeCaseConfiguration : IEntityTypeConfiguration<GoodPracticeCase>
{
    public void Configure(EntityTypeBuilder<GoodPracticeCase> builder)
    {
        builder.ToTable("good_practice_cases");
        builder.HasOne<MemberOrganisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.BuyerGroups.BuyerGroup>().WithMany().HasForeignKey(c => c.BuyerGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProductGroup>().WithMany().HasForeignKey(c => c.ProductGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredDocument>().WithMany().HasForeignKey(c => c.AttachmentDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Title).HasMaxLength(GoodPracticeCase.TitleMaxLength);
        builder.Property(c => c.Context).HasMaxLength(GoodPracticeCase.TextMaxLength);
        builder.Property(c => c.Approach).HasMaxLength(GoodPracticeCase.TextMaxLength);
        builder.Property(c => c.Results).HasMaxLength(GoodPracticeCase.TextMaxLength);
        builder.Property(c => c.Impact).HasMaxLength(GoodPracticeCase.TextMaxLength);
        builder.Property(c => c.LessonsLearned).HasMaxLength(GoodPracticeCase.TextMaxLength);
        builder.Property(c => c.ContactName).HasMaxLength(GoodPracticeCase.ContactNameMaxLength);
        builder.Property(c => c.ContactEmail).HasMaxLength(Domain.Common.EmailAddress.MaxLength);
        builder.Property(c => c.Visibility).AsBoundedString();
        builder.Property(c => c.Language).AsBoundedString();
        builder.Property(c => c.Translations).AsTranslations();
        builder.Property(c => c.Status).AsBoundedString();
        builder.HasIndex(c => new { c.Status, c.Visibility });
        builder.HasIndex(c => c.OrganisationId);
        builder.HasIndex(c => c.Tags).HasMethod("GIN");
        builder.Property<NpgsqlTsVector>(KnowledgeTextSearch.SearchVector)
            .HasComputedColumnSql(
                KnowledgeTextSearch.Vector(
                    [("title", "Title")],
                    [
                        ("context", "Context"), ("approach", "Approach"), ("results", "Results"), ("impact", "Impact"),
                        ("lessons_learned", "LessonsLearned"),
                    ]),
                stored: true);
        builder.HasIndex(KnowledgeTextSearch.SearchVector).HasMethod("GIN");
        builder.HasMany(c => c.Reviews).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Reviews).HasField("_reviews");
        builder.HasXminConcurrency();
    }
}

internal sealed class GoodPracticeReviewConfiguration : IEntityTypeConfiguration<GoodPracticeReview>
{
    public void Configure(EntityTypeBuilder<GoodPracticeReview> builder)
    {
        builder.ToTable("good_practice_reviews");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Action).AsBoundedString();
        builder.Property(r => r.Comment).HasMaxLength(GoodPracticeCase.CommentMaxLength);
        builder.Property(r => r.ByName).HasMaxLength(ApplicationUser.DisplayNameMaxLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CaseId, r.At });
    }
}
