using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Documents;
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
        builder.Property(g => g.Language).AsBoundedString();
        builder.Property(g => g.Translations).AsTranslations();
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
        builder.Property(p => p.StakeholderType).AsBoundedString();
        builder.Property(p => p.Organisation).HasMaxLength(WorkingGroupParticipant.OrganisationMaxLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkingGroupMeetingConfiguration : IEntityTypeConfiguration<WorkingGroupMeeting>
{
    public void Configure(EntityTypeBuilder<WorkingGroupMeeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(WorkingGroupMeeting.TitleMaxLength);
        builder.Property(m => m.TimeZoneId).HasMaxLength(WorkingGroupMeeting.TimeZoneMaxLength);
        builder.Property(m => m.Place).HasMaxLength(WorkingGroupMeeting.PlaceMaxLength);
        builder.Property(m => m.OnlineLink).HasMaxLength(WorkingGroupMeeting.OnlineLinkMaxLength);
        builder.Property(m => m.Agenda).HasMaxLength(WorkingGroupMeeting.AgendaMaxLength);
        builder.Property(m => m.Minutes).HasMaxLength(WorkingGroupMeeting.MinutesMaxLength);
        builder.Ignore(m => m.LocalStart);
        builder.HasXminConcurrency();
        builder.HasOne<WorkingGroup>().WithMany().HasForeignKey(m => m.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.WorkingGroupId, m.StartsAt });
    }
}

internal sealed class WorkingGroupOutcomeConfiguration : IEntityTypeConfiguration<WorkingGroupOutcome>
{
    public void Configure(EntityTypeBuilder<WorkingGroupOutcome> builder)
    {
        builder.Property(o => o.Title).HasMaxLength(WorkingGroupOutcome.TitleMaxLength);
        builder.Property(o => o.Body).HasMaxLength(WorkingGroupOutcome.BodyMaxLength);
        builder.Property(o => o.Language).AsBoundedString();
        builder.Property(o => o.Translations).AsTranslations();
        builder.Property(o => o.Type).AsBoundedString();
        builder.Property(o => o.Status).AsBoundedString();
        builder.Property(o => o.Visibility).AsBoundedString();
        builder.HasXminConcurrency();
        builder.HasOne<WorkingGroup>().WithMany().HasForeignKey(o => o.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkingGroupMeeting>().WithMany().HasForeignKey(o => o.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<CriteriaSet>().WithMany().HasForeignKey(o => o.CriteriaSetId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(o => new { o.Status, o.Visibility });
        builder.HasIndex(o => o.WorkingGroupId);
        builder.HasIndex(o => o.CriteriaSetId);
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("working_group_action_items");
        builder.Property(a => a.Description).HasMaxLength(ActionItem.DescriptionMaxLength);
        builder.Property(a => a.Status).AsBoundedString();
        builder.HasXminConcurrency();
        builder.HasOne<WorkingGroup>().WithMany().HasForeignKey(a => a.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkingGroupMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.WorkingGroupId, a.Status, a.DueOn });
        builder.HasIndex(a => a.OwnerUserId);
    }
}

internal sealed class WorkingGroupDocumentConfiguration : IEntityTypeConfiguration<WorkingGroupDocument>
{
    public void Configure(EntityTypeBuilder<WorkingGroupDocument> builder)
    {
        builder.HasOne<WorkingGroup>().WithMany().HasForeignKey(d => d.WorkingGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkingGroupMeeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkingGroupOutcome>().WithMany().HasForeignKey(d => d.OutcomeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredDocument>().WithMany().HasForeignKey(d => d.StoredDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.StoredDocumentId).IsUnique();
    }
}
