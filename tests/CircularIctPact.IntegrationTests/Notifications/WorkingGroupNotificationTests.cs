using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.WorkingGroups;

namespace CircularIctPact.IntegrationTests.Notifications;

[Collection(FeatureNotificationsCollection.Name)]
public sealed class WorkingGroupNotificationTests(PortalFactory portal)
{
    [Fact]
    public async Task Publishing_an_outcome_for_all_members_tells_the_groups_participants_only()
    {
        var (groupId, group) = await GroupAsync();
        var chair = await portal.PrincipalForAsync(DemoAccounts.Chair);
        var immediate =
            await portal.PersonAsync("Ines Direct", PortalRoles.Procurer, "Gemeente Heideveld", group, NotificationMailMode.Immediate);
        var stakeholder = await portal.PersonAsync("Wout Weekly", PortalRoles.Stakeholder, null, group, NotificationMailMode.WeeklyDigest);
        var muted = await portal.PersonAsync(
            "Mo Muted",
            PortalRoles.Procurer,
            "Gemeente Heideveld",
            group,
            NotificationMailMode.Immediate,
            NotificationKind.WorkingGroupOutcomePublished);
        var member =
            await portal.PersonAsync("Otto Outside", PortalRoles.Procurer, "Gemeente Heideveld", null, NotificationMailMode.Immediate);
        var outcomeId = await Workspace(w => w.CreateOutcomeAsync(chair, groupId, new OutcomeDraft(
            "Repair index advice",
            OutcomeType.Recommendation,
            "Ask for a repair index.",
            OutcomeVisibility.AllMembers,
            null,
            null)));
        var draft = await portal.WithServiceAsync<WorkingGroupDirectory, OutcomeDetails>(d => d.GetOutcomeAsync(outcomeId, chair));

        await Workspace(w => w.PublishOutcomeAsync(chair, outcomeId, draft.RowVersion));

        var link = $"/working-groups/outcomes/{outcomeId}";
        var told = await portal.ToldAsync(immediate, NotificationKind.WorkingGroupOutcomePublished, link);
        Assert.Equal($"{group} published “Repair index advice”", told.Title);
        await portal.ToldAsync(stakeholder, NotificationKind.WorkingGroupOutcomePublished, link);
        await portal.NotToldAsync(chair, link);
        await portal.NotToldAsync(muted, link);
        await portal.NotToldAsync(member, link);
        portal.AssertMailed(immediate, told);
        Assert.Empty(portal.MailsAbout(stakeholder, told.Title));
        Assert.Empty(portal.MailsAbout(muted, told.Title));
    }

    [Fact]
    public async Task A_planned_meeting_and_its_first_minutes_tell_the_participants()
    {
        var (groupId, group) = await GroupAsync();
        var chair = await portal.PrincipalForAsync(DemoAccounts.Chair);
        var immediate =
            await portal.PersonAsync("Ilse Instant", PortalRoles.Procurer, "Gemeente Heideveld", group, NotificationMailMode.Immediate);
        var muted =
            await portal.PersonAsync("Mats Meetingless", PortalRoles.Procurer, "Gemeente Heideveld", group, NotificationMailMode.Immediate,
                NotificationKind.WorkingGroupMeetingPlanned, NotificationKind.WorkingGroupMinutesPublished);
        var member =
            await portal.PersonAsync("Olga Outside", PortalRoles.Procurer, "Gemeente Heideveld", null, NotificationMailMode.Immediate);
        var link = $"/working-groups/{groupId}/workspace";

        var meetingId = await Workspace(w => w.PlanMeetingAsync(chair, groupId, new MeetingDraft(
            "Battery workshop",
            new DateTime(2027, 2, 4, 14, 0, 0),
            "Europe/Brussels",
            null,
            "https://meet.example.org/b",
            "1. Batteries")));

        var planned = await portal.ToldAsync(immediate, NotificationKind.WorkingGroupMeetingPlanned, link);
        Assert.Equal($"{group} planned a meeting: “Battery workshop” on Thursday, 4 February 2027 14:00 (Europe/Brussels)", planned.Title);
        portal.AssertMailed(immediate, planned);

        var meeting = await MeetingAsync(groupId, meetingId);
        await Workspace(w => w.WriteMinutesAsync(chair, meetingId, meeting.RowVersion, "Seven years of batteries."));
        meeting = await MeetingAsync(groupId, meetingId);
        await Workspace(w => w.WriteMinutesAsync(chair, meetingId, meeting.RowVersion, "Seven years of batteries, and spare parts."));

        var minutes = await portal.ToldAsync(immediate, NotificationKind.WorkingGroupMinutesPublished, link);
        Assert.Equal($"Minutes of “Battery workshop” ({group}) are available", minutes.Title);
        portal.AssertMailed(immediate, minutes);
        await portal.NotToldAsync(chair, link);
        await portal.NotToldAsync(muted, link);
        await portal.NotToldAsync(member, link);
        Assert.Empty(portal.To(FeatureNotifications.Email(muted)));
    }

    [Fact]
    public async Task An_action_item_tells_its_owner_unless_the_owner_gave_it_to_themselves_or_turned_it_off()
    {
        var (groupId, group) = await GroupAsync();
        var chair = await portal.PrincipalForAsync(DemoAccounts.Chair);
        var owner = await portal.PersonAsync("Olivia Owner", PortalRoles.Stakeholder, null, group, NotificationMailMode.Immediate);
        var colleague = await portal.PersonAsync("Cas Colleague", PortalRoles.Stakeholder, null, group, NotificationMailMode.Immediate);
        var muted = await portal.PersonAsync(
            "Mira Muted",
            PortalRoles.Stakeholder,
            null,
            group,
            NotificationMailMode.Immediate,
            NotificationKind.ActionItemAssigned);
        var meetingId = await Workspace(w => w.PlanMeetingAsync(
            chair,
            groupId,
            new MeetingDraft("Kick-off", new DateTime(2027, 1, 12, 10, 0, 0), "Europe/Brussels", "Brussels", null, "1. Welcome")));
        var link = $"/working-groups/{groupId}/workspace";

        await Workspace(w => w.AddActionItemAsync(
            chair,
            meetingId,
            new ActionItemDraft("Ask refurbishers about batteries", owner.RequiredUserId(), new DateOnly(2027, 1, 29))));
        await Workspace(w => w.AddActionItemAsync(
            chair,
            meetingId,
            new ActionItemDraft("Send the agenda", chair.RequiredUserId(), new DateOnly(2027, 1, 5))));
        await Workspace(w => w.AddActionItemAsync(
            chair,
            meetingId,
            new ActionItemDraft("Read the minutes", muted.RequiredUserId(), new DateOnly(2027, 1, 20))));

        var told = await portal.ToldAsync(owner, NotificationKind.ActionItemAssigned, link);
        Assert.Equal("Lars Nilsen gave you an action, due Friday, 29 January 2027: “Ask refurbishers about batteries”", told.Title);
        portal.AssertMailed(owner, told);
        Assert.DoesNotContain(await portal.InboxAsync(colleague), n => n.Kind == NotificationKind.ActionItemAssigned);
        Assert.DoesNotContain(await portal.InboxAsync(chair), n => n.Kind == NotificationKind.ActionItemAssigned && n.Link == link);
        Assert.DoesNotContain(await portal.InboxAsync(muted), n => n.Kind == NotificationKind.ActionItemAssigned);
    }

    private async Task<(Guid Id, string Name)> GroupAsync()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var name = "Notified group " + Guid.NewGuid().ToString("N")[..8];
        var id = await portal.WithServiceAsync<WorkingGroupAdministration, Guid>(
            a => a.CreateAsync(admin, name, "Repairable laptops", null));
        await portal.WithServiceAsync<WorkingGroupAdministration>(a => a.AssignChairAsync(admin, id, DemoAccounts.Chair));
        return (id, name);
    }

    private async Task<MeetingView> MeetingAsync(Guid groupId, Guid meetingId)
    {
        var chair = await portal.PrincipalForAsync(DemoAccounts.Chair);
        var workspace = await portal.WithServiceAsync<WorkingGroupDirectory, WorkingGroupView>(d => d.GetAsync(groupId, chair));
        return workspace.Meetings.Single(m => m.Id == meetingId);
    }


    private Task<T> Workspace<T>(Func<WorkingGroupWorkspace, Task<T>> action) => portal.WithServiceAsync(action);

    private Task Workspace(Func<WorkingGroupWorkspace, Task> action) => portal.WithServiceAsync(action);
}
