using System.Security.Claims;
using Bunit;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.WorkingGroups;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.ComponentTests.WorkingGroups;

public sealed class WorkspaceTests : PortalComponentTest
{
    private static readonly GroupStanding Chair = new(IsSecretariat: false, IsChair: true, IsParticipant: true, IsBuyerSide: true);
    private static readonly GroupStanding Participant = new(IsSecretariat: false, IsChair: false, IsParticipant: true, IsBuyerSide: false);

    private readonly StandInDirectory _directory = new();
    private readonly StandInWorkspace _workspace = new();

    public WorkspaceTests()
    {
        AddAuthorization().SetAuthorized("chair@cfit.example");
        Services.AddSingleton<WorkingGroupDirectory>(_directory);
        Services.AddSingleton<WorkingGroupWorkspace>(_workspace);
        Services.AddSingleton(new WorkingGroupDescriptions(null!, null!));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Workspace_offers_a_chair_to_plan_a_meeting()
    {
        _directory.Group = Group(Chair);

        var page = Render<WorkspacePage>(parameters => parameters.Add(p => p.Id, _directory.Group.Id));

        Assert.Equal("Refurbished devices", page.Find("h1").TextContent.Trim());
        Assert.Contains("Plan a meeting", page.Markup, StringComparison.Ordinal);
        Assert.Equal("Europe/Brussels", MudInput(page, "Time zone").GetAttribute("value"));
    }

    [Fact]
    public void Workspace_shows_a_participant_the_meetings_without_the_planning_form()
    {
        _directory.Group = Group(Participant);

        var page = Render<WorkspacePage>(parameters => parameters.Add(p => p.Id, _directory.Group.Id));

        Assert.Contains("No meetings yet.", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Plan a meeting", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(page.FindAll("button"), button => button.TextContent.Trim() == "Plan meeting");
    }

    [Fact]
    public void Workspace_tells_an_outsider_in_dutch_who_may_open_it()
    {
        _directory.Group = Group(GroupStanding.Outsider);

        var page = RenderInDutch(() => Render<WorkspacePage>(parameters => parameters.Add(p => p.Id, _directory.Group.Id)));

        Assert.Contains(
            "Alleen deelnemers en voorzitters van deze werkgroep en het pactsecretariaat openen de werkruimte.",
            page.Find(".mud-alert").TextContent,
            StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".mud-tabs"));
    }

    [Fact]
    public void Workspace_sends_the_planned_meeting_and_shows_a_refusal_beside_its_field()
    {
        _directory.Group = Group(Chair);
        _workspace.Refusal = new DomainException(WorkingGroupMeetingFields.Place, "Give the meeting a place or an online link.");
        var page = Render<WorkspacePage>(parameters => parameters.Add(p => p.Id, _directory.Group.Id));

        TypeWhenSettled(page, "Meeting title", "Kick-off");
        TypeWhenSettled(page, "Date and time", "2027-02-01T14:00");
        ClickWhenSettled(page, p => p.FindAll("button").Single(button => button.TextContent.Trim() == "Plan meeting"));

        var draft = Assert.Single(_workspace.Planned);
        Assert.Equal(
            ("Kick-off", (DateTime?)new DateTime(2027, 2, 1, 14, 0, 0, DateTimeKind.Unspecified), "Europe/Brussels"),
            (draft.Title, draft.LocalStart, draft.TimeZoneId));
        Assert.Contains("Give the meeting a place or an online link.", MudField(page, "Place").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "Give the meeting a place or an online link.",
            MudField(page, "Meeting title").TextContent,
            StringComparison.Ordinal);
        Assert.Equal("Kick-off", MudInput(page, "Meeting title").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=workspace-notice]"));
    }

    [Fact]
    public void Workspace_shows_a_refusal_for_no_shown_field_above_the_tabs()
    {
        _directory.Group = Group(Chair);
        _workspace.Refusal = new DomainException("This working group is closed.");
        var page = Render<WorkspacePage>(parameters => parameters.Add(p => p.Id, _directory.Group.Id));

        ClickWhenSettled(page, p => p.FindAll("button").Single(button => button.TextContent.Trim() == "Plan meeting"));

        Assert.Equal("This working group is closed.", page.Find("[data-testid=workspace-error]").TextContent.Trim());
    }

    private static WorkingGroupView Group(GroupStanding standing)
    {
        var text = new WorkingGroupText("Refurbished devices", "Buying refurbished laptops and phones", null);
        var description = new WorkingGroupDescription(CriteriaLanguage.En, text, [], 1);
        return new(Guid.NewGuid(), text.Name!, text.Topic!, null, CriteriaLanguage.En, description, standing, [], [], [], []);
    }

    private sealed class StandInDirectory() : WorkingGroupDirectory(null!, null!)
    {
        public WorkingGroupView Group { get; set; } = default!;

        public override Task<WorkingGroupView> GetAsync(
            Guid workingGroupId,
            ClaimsPrincipal user,
            CancellationToken cancellationToken = default) =>
            workingGroupId == Group.Id ? Task.FromResult(Group) : Task.FromException<WorkingGroupView>(new NotFoundException());

        public override Task<IReadOnlyList<CriteriaSetOption>> DraftCriteriaSetsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<CriteriaSetOption>>([]);
    }

    private sealed class StandInWorkspace() : WorkingGroupWorkspace(null!, null!, null!, null!, null!, null!, null!, null!)
    {
        public Exception? Refusal { get; set; }

        public List<MeetingDraft> Planned { get; } = [];

        public override Task<Guid> PlanMeetingAsync(
            ClaimsPrincipal user,
            Guid workingGroupId,
            MeetingDraft draft,
            CancellationToken cancellationToken = default)
        {
            Planned.Add(draft);
            return Refusal is null ? Task.FromResult(Guid.NewGuid()) : Task.FromException<Guid>(Refusal);
        }
    }
}
