using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using CircularIctPact.Domain.Common;
using CircularIctPact.Web.Features.Onboarding;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.ComponentTests.Onboarding;

public sealed class InvitationFormTests : PortalComponentTest
{
    private static readonly ScopeOption DutchGroup = new(Guid.NewGuid(), "Buyer Group ICT Netherlands");
    private static readonly ScopeOption LaptopsGroup = new(Guid.NewGuid(), "Circular criteria for laptops");

    private readonly StandInInvitations _invitations = new();

    public InvitationFormTests()
    {
        AddAuthorization().SetAuthorized("admin@cfit.example").SetRoles(PortalRoles.SecretariatAdmin);
        Services.AddSingleton<Invitations>(_invitations);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Secretariat_form_ticks_no_role_and_says_what_each_role_needs()
    {
        var page = Render<InvitationsPage>();

        var roles = page.FindAll("[data-testid=invitation-role]");
        Assert.Equal(PortalRoles.All.Count, roles.Count);
        Assert.All(roles, role => Assert.False(role.QuerySelector("input[type=checkbox]")!.IsChecked()));
        var coordinator = RoleText(page, "Buyer-group coordinator");
        Assert.Contains("Needs at least one buyer group to coordinate.", coordinator, StringComparison.Ordinal);
        Assert.Contains("Needs the organisation the person works for.", RoleText(page, "Procurer"), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=organisation-select]"));
    }

    [Fact]
    public void Secretariat_form_in_dutch_names_the_roles_and_their_needs()
    {
        var page = RenderInDutch(() => Render<InvitationsPage>());

        var coordinator = RoleText(page, "Coördinator buyer group");
        var chair = RoleText(page, "Voorzitter werkgroep");
        Assert.Contains("Vraagt om minstens één buyer group om te coördineren.", coordinator, StringComparison.Ordinal);
        Assert.Contains("Vraagt om minstens één werkgroep om voor te zitten.", chair, StringComparison.Ordinal);
    }

    [Fact]
    public void Ticking_coordinator_and_chair_shows_the_groups_by_name_and_why_they_are_needed()
    {
        var page = Render<InvitationsPage>();

        Role(page, "Buyer-group coordinator").QuerySelector("input")!.Change(true);
        Role(page, "Working-group chair").QuerySelector("input")!.Change(true);
        Choose(page, "Buyer groups to coordinate", DutchGroup.Name);
        Choose(page, "Working groups to join", LaptopsGroup.Name);

        Assert.Equal(DutchGroup.Name, MudInput(page, "Buyer groups to coordinate").GetAttribute("value"));
        Assert.Equal(LaptopsGroup.Name, MudInput(page, "Working groups to join").GetAttribute("value"));
        var buyerGroups = MudField(page, "Buyer groups to coordinate").TextContent;
        var workingGroups = MudField(page, "Working groups to join").TextContent;
        Assert.Contains("Required for a buyer-group coordinator.", buyerGroups, StringComparison.Ordinal);
        Assert.Contains("Required for a working-group chair; optional for a stakeholder.", workingGroups, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=organisation-select]"));
    }

    [Fact]
    public void Secretariat_invites_a_coordinator_with_only_the_roles_and_groups_chosen()
    {
        var page = Render<InvitationsPage>();
        TypeWhenSettled(page, "Name", "Lea Peeters");
        TypeWhenSettled(page, "E-mail", "lea@example.org");
        Role(page, "Buyer-group coordinator").QuerySelector("input")!.Change(true);
        Choose(page, "Buyer groups to coordinate", DutchGroup.Name);

        ClickWhenSettled(page, p => p.FindAll("button").Single(button => button.TextContent.Trim() == "Send invitation"));

        var request = Assert.Single(_invitations.Sent);
        Assert.Equal([PortalRoles.BuyerGroupCoordinator], request.Roles);
        Assert.Equal([DutchGroup.Id], request.BuyerGroupIds);
        Assert.Empty(request.WorkingGroupIds);
        Assert.Null(request.OrganisationId);
    }

    /// <summary>The role's checkbox with the note on what the role needs.</summary>
    private static IElement Role(IRenderedComponent<InvitationsPage> page, string label) =>
        page.FindAll("[data-testid=invitation-role]")
            .Single(role => role.QuerySelector("label")!.TextContent.Contains(label, StringComparison.Ordinal));

    private static string RoleText(IRenderedComponent<InvitationsPage> page, string label) => Role(page, label).TextContent;

    /// <summary>Opens the MudBlazor select labelled <paramref name="label"/> and clicks the option <paramref name="option"/>.</summary>
    private static void Choose(IRenderedComponent<InvitationsPage> page, string label, string option)
    {
        MudField(page, label).QuerySelector(".mud-input-control-input-container > div")!.MouseDown();
        page.WaitForElement(".mud-popover-open");
        page.FindAll(".mud-popover-open .mud-list-item").Single(item => item.TextContent.Trim() == option).Click();
    }

    private sealed class StandInInvitations() : Invitations(null!, null!, null!, null!, null!, null!, null!)
    {
        public List<InvitationRequest> Sent { get; } = [];

        public override Task<InvitationOptions> OptionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            Task.FromResult(new InvitationOptions(true, PortalRoles.All, [], [DutchGroup], [LaptopsGroup]));

        public override Task<IReadOnlyList<InvitationRow>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<InvitationRow>>([]);

        public override Task<Guid> InviteAsync(
            ClaimsPrincipal user, InvitationRequest request, string baseUri, CancellationToken cancellationToken = default)
        {
            Sent.Add(request);
            return Task.FromResult(Guid.NewGuid());
        }
    }
}
