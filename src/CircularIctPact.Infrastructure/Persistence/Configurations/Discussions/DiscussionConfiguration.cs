using CircularIctPact.Domain.Discussions;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class DiscussionThreadConfiguration : IEntityTypeConfiguration<DiscussionThread>
{
    public void Configure(EntityTypeBuilder<DiscussionThread> builder)
    {
        builder.Property(t => t.SpaceKey).HasMaxLength(DiscussionSpaceKey.MaxLength);
        builder.Property(t => t.Title).HasMaxLength(DiscussionThread.TitleMaxLength);
        builder.Property(t => t.Body).HasMaxLength(DiscussionThread.BodyMaxLength);
        builder.PrimitiveCollection(t => t.Tags).HasField("_tags");
        builder.HasXminConcurrency();
        builder.HasIndex(t => new { t.SpaceKey, t.LastActivityAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.AuthorUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DiscussionReply>().WithMany().HasForeignKey(t => t.SolutionReplyId).OnDelete(DeleteBehavior.SetNull);
        builder.Property<NpgsqlTsVector>(DiscussionTextSearch.SearchVector)
            .HasComputedColumnSql(
                $"setweight(to_tsvector('{DiscussionTextSearch.Configuration}', coalesce(title, '')), 'A') || " +
                $"setweight(to_tsvector('{DiscussionTextSearch.Configuration}', coalesce(body, '')), 'B')",
                stored: true);
        builder.HasIndex(DiscussionTextSearch.SearchVector).HasMethod("GIN");
    }
}

internal sealed class DiscussionReplyConfiguration : IEntityTypeConfiguration<DiscussionReply>
{
    public void Configure(EntityTypeBuilder<DiscussionReply> builder)
    {
        builder.Property(r => r.Body).HasMaxLength(DiscussionThread.BodyMaxLength);
        builder.HasXminConcurrency();
        builder.HasIndex(r => new { r.ThreadId, r.CreatedAt });
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AuthorUserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property<NpgsqlTsVector>(DiscussionTextSearch.SearchVector)
            .HasComputedColumnSql($"to_tsvector('{DiscussionTextSearch.Configuration}', coalesce(body, ''))", stored: true);
        builder.HasIndex(DiscussionTextSearch.SearchVector).HasMethod("GIN");
    }
}
