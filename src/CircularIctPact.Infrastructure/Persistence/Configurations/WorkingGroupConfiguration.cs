using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CircularIctPact.Infrastructure.Persistence.Configurations;

internal sealed class WorkingGroupConfiguration : IEntityTypeConfiguration<WorkingGroup>
{
    public void Configure(EntityTypeBuilder<WorkingGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(WorkingGroup.NameMaxLength);
        builder.HasIndex(g => g.Name).IsUnique();
        builder.Property(g => g.Topic).HasMaxLength(WorkingGroup.TopicMaxLength);
        builder.Property(g => g.Mandate).HasMaxLength(WorkingGroup.MandateMaxLength);
        builder.HasXminConcurrency();
        builder.HasMany(g => g.Participants).WithOne().HasForeignKey(p => p.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Participants).HasField("_participants");
    }
}

internal sealed class WorkingGroupParticipantConfiguration : IEntityTypeConfiguration<WorkingGroupParticipant>
{
    public void Configure(EntityTypeBuilder<WorkingGroupParticipant> builder)
    {
        builder.HasKey(p => new { p.WorkingGroupId, p.UserId });
        builder.HasIndex(p => p.UserId);
        builder.Property(p => p.Role).AsBoundedString();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
