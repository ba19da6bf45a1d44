using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;
using CircularIctPact.Web.Features.WorkingGroups;

namespace CircularIctPact.IntegrationTests.WorkingGroups;

public sealed class WorkingGroupVisibilityTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Each_visitor_sees_only_the_outcomes_meant_for_them()
    {
        var s = await WorkingGroupScenario.CreateAsync(portal);
        var publicId = await s.OutcomeAsync("Public advice", OutcomeVisibility.Public);
        var membersId = await s.OutcomeAsync("Members advice", OutcomeVisibility.AllMembers);
        var groupId = await s.OutcomeAsync("Group decision", OutcomeVisibility.WorkingGroup);
        var draftId = await s.OutcomeAsync("Unfinished draft", OutcomeVisibility.Public, publish: false);

        async Task<string[]> TitlesFor(System.Security.Claims.ClaimsPrincipal who) =>
            [.. (await s.Directory(d => d.GetAsync(s.GroupA, who))).Outcomes.Select(o => o.Title).Order(StringComparer.Ordinal)];

        Assert.Equal(["Public advice"], await TitlesFor(s.Anonymous));
        Assert.Equal(["Members advice", "Public advice"], await TitlesFor(s.Member));
        Assert.Equal(["Members advice", "Public advice"], await TitlesFor(s.OtherChair));
        Assert.Equal(["Group decision", "Members advice", "Public advice"], await TitlesFor(s.Stakeholder));
        Assert.Equal(["Group decision", "Members advice", "Public advice", "Unfinished draft"], await TitlesFor(s.Chair));
        Assert.Equal(["Group decision", "Members advice", "Public advice", "Unfinished draft"], await TitlesFor(s.Admin));

        var listed = (await s.Directory(d => d.ListAsync())).Single(g => g.Id == s.GroupA);
        Assert.Equal(["Public advice"], listed.PublicOutcomes.Select(o => o.Title));

        await Assert.ThrowsAsync<NotFoundException>(() => s.Directory(d => d.GetOutcomeAsync(membersId, s.Anonymous)));
        await Assert.ThrowsAsync<NotFoundException>(() => s.Directory(d => d.GetOutcomeAsync(groupId, s.OtherChair)));
        await Assert.ThrowsAsync<NotFoundException>(() => s.Directory(d => d.GetOutcomeAsync(draftId, s.Stakeholder)));
        Assert.Equal("Public advice", (await s.Directory(d => d.GetOutcomeAsync(publicId, s.Anonymous))).Title);
        Assert.Equal("Group decision", (await s.Directory(d => d.GetOutcomeAsync(groupId, s.Stakeholder))).Title);
    }

    [Fact]
    public async Task Chair_of_another_group_cannot_read_or_change_this_groups_content()
    {
        var s = await WorkingGroupScenario.CreateAsync(portal);
        var meetingId = await s.MeetingAsync(s.GroupA, s.Chair);
        var outcomeId = await s.OutcomeAsync("Group-only decision", OutcomeVisibility.WorkingGroup, publish: false);
        var outcome = await s.Directory(d => d.GetOutcomeAsync(outcomeId, s.Chair));

        var view = await s.Directory(d => d.GetAsync(s.GroupA, s.OtherChair));
        Assert.False(view.Standing.SeesGroupContent);
        Assert.Empty(view.Meetings);
        Assert.Empty(view.Participants);
        Assert.Empty(view.ActionItems);

        var draft = new OutcomeDraft("Taken over", OutcomeType.Decision, "x", OutcomeVisibility.Public, null, null);
        await Assert.ThrowsAsync<ForbiddenException>(
            () => s.Workspace(w => w.EditOutcomeAsync(s.OtherChair, outcomeId, outcome.RowVersion, draft)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => s.Workspace(w => w.PublishOutcomeAsync(s.OtherChair, outcomeId, outcome.RowVersion)));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Workspace(w => w.CreateOutcomeAsync(s.OtherChair, s.GroupA, draft)));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Workspace(w => w.WriteMinutesAsync(s.OtherChair, meetingId, 0, "Hijacked")));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Workspace(
            w => w.PlanMeetingAsync(s.OtherChair, s.GroupA, new MeetingDraft("x", DateTime.Now, "Europe/Oslo", "Oslo", null, "x"))));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => s.Workspace(w => w.AddParticipantAsync(s.OtherChair, s.GroupA, s.ProcurerId, StakeholderType.MemberOrganisation, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Workspace(w => w.SearchAccountsAsync(s.OtherChair, s.GroupA, "Fatima")));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Workspace(w => w.AttachToMeetingAsync(
            s.OtherChair,
            meetingId,
            new DocumentUpload("x.pdf", new MemoryStream(WorkingGroupScenario.Pdf())))));
        Assert.Equal("Group-only decision", (await s.Directory(d => d.GetOutcomeAsync(outcomeId, s.Chair))).Title);
    }

    [Fact]
    public async Task Stakeholder_sees_their_group_but_no_member_contact_details()
    {
        var s = await WorkingGroupScenario.CreateAsync(portal);
        await s.MeetingAsync(s.GroupA, s.Chair);

        var asStakeholder = await s.Directory(d => d.GetAsync(s.GroupA, s.Stakeholder));
        var asChair = await s.Directory(d => d.GetAsync(s.GroupA, s.Chair));
        var other = await s.Directory(d => d.GetAsync(s.GroupB, s.Stakeholder));

        Assert.True(asStakeholder.Standing.SeesGroupContent);
        Assert.False(asStakeholder.Standing.CanManage);
        Assert.Single(asStakeholder.Meetings);
        Assert.Equal(3, asStakeholder.Participants.Count);
        Assert.All(asStakeholder.Participants, p => Assert.Null(p.Email));
        Assert.All(asChair.Participants, p => Assert.NotNull(p.Email));
        Assert.False(other.Standing.SeesGroupContent);
        Assert.Contains((await s.Directory(d => d.MineAsync(s.Stakeholder))), g => g.Id == s.GroupA);
        Assert.DoesNotContain((await s.Directory(d => d.MineAsync(s.Stakeholder))), g => g.Id == s.GroupB);
    }

    [Fact]
    public async Task Outcome_documents_follow_the_outcomes_visibility_and_meeting_documents_stay_in_the_group()
    {
        var s = await WorkingGroupScenario.CreateAsync(portal);
        var meetingId = await s.MeetingAsync(s.GroupA, s.Chair);
        var membersOutcome = await s.OutcomeAsync("Members report", OutcomeVisibility.AllMembers);
        var publicOutcome = await s.OutcomeAsync("Public report", OutcomeVisibility.Public);
        await s.Workspace(w => w.AttachToMeetingAsync(
            s.Chair,
            meetingId,
            new DocumentUpload("slides.pdf", new MemoryStream(WorkingGroupScenario.Pdf()))));
        await s.Workspace(w => w.AttachToOutcomeAsync(
            s.Chair,
            membersOutcome,
            new DocumentUpload("members.pdf", new MemoryStream(WorkingGroupScenario.Pdf()))));
        await s.Workspace(w => w.AttachToOutcomeAsync(
            s.Chair,
            publicOutcome,
            new DocumentUpload("public.pdf", new MemoryStream(WorkingGroupScenario.Pdf()))));
        var meetingDocument = (await s.Directory(d => d.GetAsync(s.GroupA, s.Chair))).Meetings.Single().Documents.Single().StoredDocumentId;
        var membersDocument = (await s.Directory(d => d.GetOutcomeAsync(membersOutcome, s.Chair))).Documents.Single().StoredDocumentId;
        var publicDocument = (await s.Directory(d => d.GetOutcomeAsync(publicOutcome, s.Chair))).Documents.Single().StoredDocumentId;

        async Task<DocumentAccessResult> Download(Guid id, System.Security.Claims.ClaimsPrincipal who) =>
            (await portal.WithServiceAsync<DocumentDownloads, (DocumentAccessResult, DocumentFile?)>(d => d.GetAsync(id, who))).Item1;

        Assert.Equal(DocumentAccessResult.Allowed, await Download(publicDocument, s.Anonymous));
        Assert.Equal(DocumentAccessResult.SignInRequired, await Download(membersDocument, s.Anonymous));
        Assert.Equal(DocumentAccessResult.Allowed, await Download(membersDocument, s.Member));
        Assert.Equal(DocumentAccessResult.Allowed, await Download(meetingDocument, s.Stakeholder));
        Assert.Equal(DocumentAccessResult.Forbidden, await Download(meetingDocument, s.OtherChair));
        Assert.Equal(DocumentAccessResult.Forbidden, await Download(meetingDocument, s.Member));
        Assert.Equal(DocumentAccessResult.SignInRequired, await Download(meetingDocument, s.Anonymous));
        Assert.Equal(DocumentAccessResult.Allowed, await Download(meetingDocument, s.Admin));
    }
}
