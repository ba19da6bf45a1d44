using System.Security.Claims;
using Bunit;
using CircularIctPact.Domain.Common;
using CircularIctPact.Web;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.ComponentTests.Users;

public sealed class ManageUsersTests : PortalComponentTest
{
    private static readonly UserRow Coordinator = new(
        Guid.NewGuid(), "Joost Bakker", "coordinator.nl@cfit.example", [PortalRoles.Procurer, PortalRoles.BuyerGroupCoordinator],
        "Gemeente Rivierstad", ["Buyer Group ICT Netherlands"], [], null, TwoFactorEnabled: true, LockedUntil: DateTimeOffset.MaxValue);

    private readonly StandInUserAdministration _users = new([Coordinator]);

    public ManageUsersTests()
    {
        AddAuthorization().SetAuthorized("admin@cfit.example").SetRoles(PortalRoles.SecretariatAdmin);
        Services.AddSingleton<UserAdministration>(_users);
        Services.AddSingleton(TimeProvider.System);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void User_list_in_dutch_names_roles_scopes_and_states_in_words()
    {
        var page = RenderInDutch(() => Render<ManageUsers>());

        var row = page.WaitForElement("[data-testid=user-table] tbody tr");
        Assert.Equal("Coördinator buyer group, Inkoper", row.QuerySelector("[data-testid=user-roles]")!.TextContent.Trim());
        Assert.Contains("Coördineert Buyer Group ICT Netherlands", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Werkt bij Gemeente Rivierstad", row.TextContent, StringComparison.Ordinal);
        var status = row.QuerySelector("[data-testid=user-status]")!.TextContent;
        Assert.Contains("Geblokkeerd", status, StringComparison.Ordinal);
        Assert.Contains("Inloggen in twee stappen aan", status, StringComparison.Ordinal);
        Assert.DoesNotContain(PortalRoles.BuyerGroupCoordinator, page.Markup, StringComparison.Ordinal);
        Assert.Contains("Rijen per pagina", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void User_editor_in_dutch_offers_the_roles_by_their_names()
    {
        var page = RenderInDutch(() => Render<ManageUsers>());

        RenderInDutch(() =>
        {
            page.WaitForElement("button[aria-label='Joost Bakker beheren']").Click();
            return page;
        });

        var editor = page.WaitForElement("[data-testid=user-editor]");
        var roleButtons = editor.QuerySelectorAll("button[aria-label]").Select(button => button.GetAttribute("aria-label")).ToList();
        Assert.Contains("Rol Inkoper verwijderen", roleButtons);
        Assert.Contains("Rol Belanghebbende toevoegen", roleButtons);
        Assert.DoesNotContain(PortalRoles.BuyerGroupCoordinator, editor.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_role_has_a_label_in_the_shared_resources()
    {
        var texts = Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var missing = PortalRoles.All.Where(role => texts[EnumText.Role(role)].ResourceNotFound);

        Assert.Empty(missing);
    }

    private sealed class StandInUserAdministration(IReadOnlyList<UserRow> rows) : UserAdministration(null!, null!, null!, null!, null!)
    {
        public override Task<UserPage> SearchAsync(ClaimsPrincipal user, UserQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult(new UserPage(rows.Count, rows));

        public override Task<UserScopeOptions> ScopeOptionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            Task.FromResult(new UserScopeOptions([], []));

        public override Task<UserDetails> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
        {
            var row = rows.Single(r => r.Id == id);
            return Task.FromResult(new UserDetails(
                row.Id, row.Name, row.Email, row.Roles, null, [], [], row.LastSignInAt, row.TwoFactorEnabled, row.LockedUntil));
        }
    }
}
