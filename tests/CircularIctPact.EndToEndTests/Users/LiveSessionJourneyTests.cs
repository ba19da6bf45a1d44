using CircularIctPact.Domain.Common;
using CircularIctPact.EndToEndTests.Members;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Users;

/// <summary>The portal with open pages revalidating their sign-in every two seconds rather than every fifteen.</summary>
public sealed class LiveSessionPortal : BrowserPortal
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sessions:Seconds", "2");
    }
}

/// <summary>
/// An open interactive page stops within the 30 seconds ASVS allows once the person's rights or password change
/// elsewhere (decision record 0023).
/// </summary>
public sealed class LiveSessionJourneyTests(LiveSessionPortal portal) : IClassFixture<LiveSessionPortal>
{
    private const float WithinThirtySeconds = 30_000;

    [Fact]
    public async Task Coordinators_open_member_form_closes_when_the_secretariat_takes_the_role_and_opening_it_again_is_refused()
    {
        var page = await portal.NewPageSignedInAsAsync(DemoAccounts.CoordinatorNetherlands);
        var members = new MembersPage(page);
        await members.OpenAsync();
        await members.OpenMemberAsync("Waterschap Veenland");
        await members.LegalName.FillAsync("Waterschap Veenland (taken over)");
        var memberAddress = page.Url;

        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        await portal.WithServiceAsync<UserAdministration>(
            users => users.RemoveRoleAsync(admin, coordinator.UserId()!.Value, PortalRoles.BuyerGroupCoordinator));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" }))
            .ToBeVisibleAsync(new() { Timeout = WithinThirtySeconds });
        await Assertions.Expect(page.GetByTestId("member-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await using var db = portal.CreateDbContext();
        Assert.True(await db.MemberOrganisations.AnyAsync(m => m.LegalName == "Waterschap Veenland"));
        Assert.False(await db.MemberOrganisations.AnyAsync(m => m.LegalName == "Waterschap Veenland (taken over)"));

        await page.GotoAsync(memberAddress);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Coordinators_open_member_list_goes_within_seconds_when_the_secretariat_takes_the_last_buyer_group()
    {
        var page = await portal.NewPageSignedInAsAsync(DemoAccounts.CoordinatorBelgium);
        var members = new MembersPage(page);
        await members.OpenAsync();

        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var group = await portal.WithServiceAsync<UserAdministration, UserDetails>(
            users => users.GetAsync(admin, coordinator.UserId()!.Value));
        await portal.WithServiceAsync<UserAdministration>(users =>
            users.RemoveCoordinatedGroupAsync(admin, coordinator.UserId()!.Value, group.CoordinatedGroups.Single().Id));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" }))
            .ToBeVisibleAsync(new() { Timeout = WithinThirtySeconds });
        await Assertions.Expect(members.Grid).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_new_password_closes_the_persons_page_open_in_another_browser()
    {
        var elsewhere = await portal.NewPageSignedInAsAsync(DemoAccounts.Procurer);
        await elsewhere.GotoAsync("notifications/settings");
        await Assertions.Expect(elsewhere.GetByTestId("settings-page")).ToHaveAttributeAsync("data-interactive", "true");

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByEmailAsync(DemoAccounts.Procurer))!;
            Assert.True((await users.ChangePasswordAsync(account, DemoAccounts.Password, "A new and quite long password 2")).Succeeded);
        }

        await Assertions.Expect(elsewhere.GetByLabel("E-mail")).ToBeVisibleAsync(new() { Timeout = WithinThirtySeconds });
        Assert.Contains("Account/Login", elsewhere.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(elsewhere.GetByTestId("settings-page")).ToHaveCountAsync(0);
    }
}
