using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using CircularIctPact.Web.Features.WorkingGroups;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.WorkingGroups;

public sealed class WorkingGroupCycleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Chair_runs_a_meeting_from_agenda_to_minutes_attendance_and_actions()
    {
        var s = await WorkingGroupScenario.CreateAsync(portal);
        var meetingId = await s.Workspace(w => w.PlanMeetingAsync(s.Chair, s.GroupA,
            new MeetingDraft(
                "Repair workshop",
                new DateTime(2026, 12, 3, 10, 0, 0),
                "Europe/Brussels",
                "Brussels",
                null,
                "1. Spare parts\n2. Batteries")));
        var meeting = (await s.Directory(d => d.GetAsync(s.GroupA, s.Chair))).Meetings.Single();
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), meeting.StartsAt);
        Assert.Equal(new DateTime(2026, 12, 3, 10, 0, 0), meeting.LocalStart);

        await s.Workspace(
            w => w.WriteMinutesAsync(s.Chair, meetingId, meeting.RowVersion, "Agreed to ask for seven years of spare parts."));
        meeting = (await s.Directory(d => d.GetAsync(s.GroupA, s.Chair))).Meetings.Single();
        var outsider = await Assert.ThrowsAsync<DomainException>(
            () => s.Workspace(w => w.RecordAttendanceAsync(s.Chair, meetingId, meeting.RowVersion, [s.StakeholderId, Guid.NewGuid()])));
        Assert.Equal(WorkingGroupMeetingFields.Attendance, outsider.Field);
        await s.Workspace(w => w.RecordAttendanceAsync(s.Chair, meetingId, meeting.RowVersion, [s.StakeholderId]));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => s.Workspace(w => w.WriteMinutesAsync(s.Chair, meetingId, meeting.RowVersion, "Stale text")));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => s.Workspace(w => w.WriteMinutesAsync(s.Stakeholder, meetingId, meeting.RowVersion, "Not mine to write")));
        var notParticipant = await Assert.ThrowsAsync<DomainException>(() => s.Workspace(
            w => w.AddActionItemAsync(s.Chair, meetingId, new ActionItemDraft("Ask Acme", Guid.NewGuid(), new DateOnly(2027, 1, 15)))));
        Assert.Equal(ActionItemFields.Owner, notParticipant.Field);
        await s.Workspace(w => w.AddActionItemAsync(
            s.Chair,
            meetingId,
            new ActionItemDraft("Ask refurbishers about batteries", s.StakeholderId, new DateOnly(2027, 1, 15))));

        var seen = await s.Directory(d => d.GetAsync(s.GroupA, s.Stakeholder));
        var done = seen.Meetings.Single();
        Assert.Equal("Agreed to ask for seven years of spare parts.", done.Minutes);
        Assert.True(done.AttendanceRecorded);
        Assert.Equal([s.StakeholderId], done.Attendees);
        Assert.Equal("Ask refurbishers about batteries", Assert.Single(seen.ActionItems).Description);
    }

    [Fact]
    public async Task Meeting_needs_a_real_time_zone_and_a_place_or_link()
    {
        var s = await WorkingGroupScenario.CreateAsync(portal);

        var zone = await Assert.ThrowsAsync<DomainException>(() => s.Workspace(w => w.PlanMeetingAsync(
            s.Chair,
            s.GroupA,
            new MeetingDraft("x", new DateTime(2026, 12, 3, 10, 0, 0), "Mars/Olympus", "Room", null, "a"))));
        var where = await Assert.ThrowsAsync<DomainException>(() => s.Workspace(w => w.PlanMeetingAsync(
            s.Chair,
            s.GroupA,
            new MeetingDraft("x", new DateTime(2026, 12, 3, 10, 0, 0), "Europe/Paris", null, null, "a"))));
        var link = await Assert.ThrowsAsync<DomainException>(() => s.Workspace(w => w.PlanMeetingAsync(
            s.Chair,
            s.GroupA,
            new MeetingDraft("x", new DateTime(2026, 12, 3, 10, 0, 0), "Europe/Paris", null, "javascript:alert(1)", "a"))));
        var gap = await Assert.ThrowsAsync<DomainException>(() => s.Workspace(w => w.PlanMeetingAsync(
            s.Chair,
            s.GroupA,
            new MeetingDraft("x", new DateTime(2027, 3, 28, 2, 30, 0), "Europe/Amsterdam", "Room", null, "a"))));

        Assert.Equal(WorkingGroupMeetingFields.TimeZone, zone.Field);
        Assert.Equal(WorkingGroupMeetingFields.Place, where.Field);
        Assert.Equal(WorkingGroupMeetingFields.OnlineLink, link.Field);
        Assert.Equal(WorkingGroupMeetingFields.Start, gap.Field);
    }

    [Fact]
    public async Task Publishing_sets_the_date_once_and_a_criteria_proposal_links_only_to_a_draft_set()
    {
        var s = await WorkingGroupScenario.CreateAsync(portal);
        var draftSetId = await portal.WithServiceAsync<CriteriaEditor, Guid>(e => e.CreateDraftAsync("smartphones", null, s.Admin));
        await using var db = portal.CreateDbContext();
        var publishedSetId = await db.CriteriaSets.Where(c => c.Status == CriteriaSetStatus.Published).Select(c => c.Id).FirstAsync();

        var wrongSet = await Assert.ThrowsAsync<DomainException>(() => s.Workspace(w => w.CreateOutcomeAsync(s.Chair, s.GroupA,
            new OutcomeDraft(
                "Proposal",
                OutcomeType.CriteriaProposal,
                "Seven years",
                OutcomeVisibility.AllMembers,
                publishedSetId,
                null))));
        var wrongType = await Assert.ThrowsAsync<DomainException>(() => s.Workspace(w => w.CreateOutcomeAsync(s.Chair, s.GroupA,
            new OutcomeDraft("Report", OutcomeType.Report, "Seven years", OutcomeVisibility.AllMembers, draftSetId, null))));
        Assert.Equal(WorkingGroupOutcomeFields.CriteriaSet, wrongSet.Field);
        Assert.Equal(WorkingGroupOutcomeFields.CriteriaSet, wrongType.Field);

        var id = await s.Workspace(w => w.CreateOutcomeAsync(s.Chair, s.GroupA,
            new OutcomeDraft(
                "Spare parts for seven years",
                OutcomeType.CriteriaProposal,
                "Seven years",
                OutcomeVisibility.Public,
                draftSetId,
                null)));
        var draft = await s.Directory(d => d.GetOutcomeAsync(id, s.Chair));
        Assert.Equal(OutcomeStatus.Draft, draft.Status);
        Assert.Null(draft.PublishedAt);
        Assert.DoesNotContain((await s.Directory(d => d.ListAsync())).Single(g => g.Id == s.GroupA).PublicOutcomes, o => o.Id == id);

        await s.Workspace(w => w.PublishOutcomeAsync(s.Chair, id, draft.RowVersion));
        var published = await s.Directory(d => d.GetOutcomeAsync(id, s.Anonymous));
        Assert.Equal(OutcomeStatus.Published, published.Status);
        Assert.NotNull(published.PublishedAt);
        Assert.Contains((await s.Directory(d => d.ListAsync())).Single(g => g.Id == s.GroupA).PublicOutcomes, o => o.Id == id);
        var again = await Assert.ThrowsAsync<DomainException>(
            () => s.Workspace(w => w.PublishOutcomeAsync(s.Chair, id, published.RowVersion)));
        Assert.Equal(WorkingGroupOutcomeFields.Status, again.Field);

        var proposals = await s.Directory(d => d.ProposalsForAsync(draftSetId, s.Admin));
        Assert.Contains(proposals, p => p.OutcomeId == id && p.Title == "Spare parts for seven years");
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Directory(d => d.ProposalsForAsync(draftSetId, s.Chair)));
    }

    [Fact]
    public async Task Concurrent_edits_of_an_outcome_never_overwrite_each_other()
    {
        var s = await WorkingGroupScenario.CreateAsync(portal);
        var id = await s.OutcomeAsync("Shared text", OutcomeVisibility.WorkingGroup, publish: false);
        var loaded = await s.Directory(d => d.GetOutcomeAsync(id, s.Chair));

        await s.Workspace(w => w.EditOutcomeAsync(
            s.Admin,
            id,
            loaded.RowVersion,
            new OutcomeDraft("Secretariat's title", OutcomeType.Report, "Their body", OutcomeVisibility.WorkingGroup, null, null)));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            s.Workspace(w => w.EditOutcomeAsync(
                s.Chair,
                id,
                loaded.RowVersion,
                new OutcomeDraft("Chair's title", OutcomeType.Report, "My body", OutcomeVisibility.WorkingGroup, null, null))));

        Assert.NotNull(conflict.Current);
        Assert.Equal("Secretariat's title", (await s.Directory(d => d.GetOutcomeAsync(id, s.Chair))).Title);
    }

    [Fact]
    public async Task Overdue_actions_stand_out_and_only_their_owner_or_a_chair_changes_them()
    {
        var s = await WorkingGroupScenario.CreateAsync(portal);
        var meetingId = await s.MeetingAsync(s.GroupA, s.Chair);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var overdueId = await s.Workspace(
            w => w.AddActionItemAsync(s.Chair, meetingId, new ActionItemDraft("Late report", s.StakeholderId, today.AddDays(-3))));
        await s.Workspace(
            w => w.AddActionItemAsync(s.Chair, meetingId, new ActionItemDraft("Next report", s.StakeholderId, today.AddDays(5))));

        var items = (await s.Directory(d => d.GetAsync(s.GroupA, s.Stakeholder))).ActionItems;
        var overdue = items.Single(a => a.Id == overdueId);
        Assert.True(overdue.IsOverdue);
        Assert.True(overdue.CanChange);
        Assert.False(items.Single(a => a.Id != overdueId).IsOverdue);
        var mine = (await s.Directory(d => d.MineAsync(s.Stakeholder))).Single(g => g.Id == s.GroupA);
        Assert.Equal(1, mine.MyOverdueActions);
        Assert.Equal(2, mine.MyOpenActions);
        Assert.False((await s.Directory(d => d.GetAsync(s.GroupA, s.Procurer))).ActionItems.Single(a => a.Id == overdueId).CanChange);

        await Assert.ThrowsAsync<ForbiddenException>(
            () => s.Workspace(w => w.ChangeActionItemStatusAsync(s.Procurer, overdueId, overdue.RowVersion, ActionItemStatus.Done)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => s.Workspace(w => w.ChangeActionItemStatusAsync(s.OtherChair, overdueId, overdue.RowVersion, ActionItemStatus.Done)));
        await s.Workspace(w => w.ChangeActionItemStatusAsync(s.Stakeholder, overdueId, overdue.RowVersion, ActionItemStatus.Done));

        var after = (await s.Directory(d => d.GetAsync(s.GroupA, s.Chair))).ActionItems.Single(a => a.Id == overdueId);
        Assert.Equal(ActionItemStatus.Done, after.Status);
        Assert.False(after.IsOverdue);
    }

    [Fact]
    public async Task Chair_adds_an_external_stakeholder_who_gets_a_password_link_by_mail()
    {
        var s = await WorkingGroupScenario.CreateAsync(portal);
        var email = $"researcher.{Guid.NewGuid():N}@uni.example.org";

        var member = await Assert.ThrowsAsync<DomainException>(() => s.Workspace(w => w.InviteStakeholderAsync(s.Chair, s.GroupA,
            new StakeholderInvite(email, "Dr. Ana Ruiz", StakeholderType.MemberOrganisation, "Uni"), "http://localhost/")));
        Assert.Equal(WorkingGroupFields.StakeholderType, member.Field);
        var existing = await Assert.ThrowsAsync<DomainException>(() => s.Workspace(w => w.InviteStakeholderAsync(s.Chair, s.GroupA,
            new StakeholderInvite(DemoAccounts.Procurer, "Fatima", StakeholderType.Researcher, "Uni"), "http://localhost/")));
        Assert.Equal(WorkingGroupWorkspace.EmailField, existing.Field);
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Workspace(w => w.InviteStakeholderAsync(s.OtherChair, s.GroupA,
            new StakeholderInvite(email, "Dr. Ana Ruiz", StakeholderType.Researcher, "Uni"), "http://localhost/")));

        await s.Workspace(w => w.InviteStakeholderAsync(
            s.Chair,
            s.GroupA,
            new StakeholderInvite(email, "Dr. Ana Ruiz", StakeholderType.Researcher, "Universidad Ejemplo"),
            "http://localhost/"));

        var mail = Assert.Single(portal.To(email));
        Assert.Contains("http://localhost/Account/ResetPassword?code=", mail.TextBody, StringComparison.Ordinal);
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Infrastructure.Identity.ApplicationUser>>();
        var account = await users.FindByEmailAsync(email);
        Assert.NotNull(account);
        Assert.Equal([PortalRoles.Stakeholder], await users.GetRolesAsync(account));
        Assert.False(await users.HasPasswordAsync(account));
        var participant = (await s.Directory(d => d.GetAsync(s.GroupA, s.Chair))).Participants.Single(p => p.UserId == account.Id);
        Assert.Equal(StakeholderType.Researcher, participant.StakeholderType);
        Assert.Equal("Universidad Ejemplo", participant.Organisation);
    }

    [Fact]
    public async Task Assigning_a_chair_grants_the_role_and_removing_the_last_chair_takes_it_away()
    {
        var s = await WorkingGroupScenario.CreateAsync(portal);
        var email = SecretariatPrincipals.UniqueEmail("chair");
        await SecretariatPrincipals.CreateUserAsync(portal, email, "New Chair", PortalRoles.Procurer);
        var stakeholderChair = await Assert.ThrowsAsync<DomainException>(
            () => s.Administration(a => a.AssignChairAsync(s.Admin, s.GroupB, Infrastructure.Seeding.DemoAccounts.Stakeholder)));
        Assert.Equal(WorkingGroupFields.Chair, stakeholderChair.Field);
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Administration(a => a.AssignChairAsync(s.Chair, s.GroupB, email)));

        await s.Administration(a => a.AssignChairAsync(s.Admin, s.GroupB, email));
        var chair = await portal.PrincipalForAsync(email);
        Assert.True(chair.IsInRole(PortalRoles.WorkingGroupChair));
        Assert.True((await s.Directory(d => d.GetAsync(s.GroupB, chair))).Standing.CanManage);

        var userId = chair.RequiredUserId();
        await s.Administration(a => a.RemoveChairAsync(s.Admin, s.GroupB, userId));
        var former = await portal.PrincipalForAsync(email);
        Assert.False(former.IsInRole(PortalRoles.WorkingGroupChair));
        var standing = (await s.Directory(d => d.GetAsync(s.GroupB, former))).Standing;
        Assert.False(standing.CanManage);
        Assert.True(standing.IsParticipant);
    }
}
