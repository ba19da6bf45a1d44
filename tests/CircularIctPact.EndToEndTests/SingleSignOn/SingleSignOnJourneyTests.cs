using CircularIctPact.Domain.Common;
using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Onboarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.SingleSignOn;

/// <summary>Signing in with an organisation's account in the browser, against a real OpenID Connect provider on loopback.</summary>
public sealed class SingleSignOnJourneyTests(SingleSignOnBrowserPortal portal) : IClassFixture<SingleSignOnBrowserPortal>
{
    private const string ProviderPassword = "provider-password";
    private const string PlainScheme = "oidc-" + TestIdentityProvider.PlainProviderKey;

    [Fact]
    public async Task Procurer_is_linked_on_the_first_organisation_sign_in_and_the_link_signs_them_in_again()
    {
        var user = new TestProviderUser("p.jansen", ProviderPassword, DemoAccounts.Procurer, EmailVerified: true, "Pieter Jansen");
        portal.Provider.AddUser(user);

        var first = await portal.NewPageAsync();
        await new ProviderSignInPage(first).SignInWithAsync(
            $"Sign in with {TestIdentityProvider.PlainProviderName}", user.UserName, ProviderPassword);
        await Assertions.Expect(first.GetByTestId("home-procurer")).ToBeVisibleAsync();

        portal.Provider.UpdateUser(user.UserName, u => u with { Email = "pieter.jansen@new-address.example", EmailVerified = false });
        var second = await portal.NewPageAsync();
        await new ProviderSignInPage(second).SignInWithAsync(
            $"Sign in with {TestIdentityProvider.PlainProviderName}", user.UserName, ProviderPassword);
        await Assertions.Expect(second.GetByTestId("home-procurer")).ToBeVisibleAsync();

        await using var db = portal.CreateDbContext();
        var procurer = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Procurer);
        var link = await db.UserLogins.SingleAsync(l => l.UserId == procurer.Id);
        Assert.Equal(user.Subject, link.ProviderKey);
    }

    [Fact]
    public async Task Unknown_address_is_refused_in_the_persons_language_and_no_account_is_created()
    {
        const string email = "onbekend@gemeente-testdorp.example";
        portal.Provider.AddUser(new TestProviderUser("onbekend", ProviderPassword, email, EmailVerified: true, "Kim de Vries"));
        var context = await portal.NewContextAsync(new() { Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        var signIn = new ProviderSignInPage(page);

        await signIn.SignInWithAsync($"Aanmelden met {TestIdentityProvider.PlainProviderName}", "onbekend", ProviderPassword);

        await Assertions.Expect(signIn.Refusal).ToContainTextAsync("Er is geen portaalaccount");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Terug naar aanmelden" })).ToBeVisibleAsync();
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Secretariat_admin_through_a_provider_without_multi_factor_must_enter_an_authenticator_code()
    {
        portal.Provider.AddUser(
            new TestProviderUser("admin.one", ProviderPassword, DemoAccounts.Admin, EmailVerified: true, "Secretariat Admin"));
        var page = await portal.NewPageAsync();

        await new ProviderSignInPage(page).SignInWithAsync(
            $"Sign in with {TestIdentityProvider.PlainProviderName}", "admin.one", ProviderPassword);

        await Assertions.Expect(page.GetByLabel("Authenticator code")).ToBeVisibleAsync();
        Assert.False(await IsLinkedAsync(DemoAccounts.Admin, PlainScheme), "Linked before the authenticator code was entered.");
        await new SignInPage(page).EnterAuthenticatorCodeAsync(DemoAccounts.AdminAuthenticatorKey);
        await Assertions.Expect(page.GetByTestId("home-secretariat")).ToBeVisibleAsync();
        Assert.True(await IsLinkedAsync(DemoAccounts.Admin, PlainScheme), "Not linked after the authenticator code.");
    }

    [Fact]
    public async Task Secretariat_admin_through_a_provider_asserting_multi_factor_skips_the_authenticator_code()
    {
        portal.Provider.AddUser(
            new TestProviderUser("admin.strong", ProviderPassword, DemoAccounts.Admin, EmailVerified: true, "Secretariat Admin"));
        var page = await portal.NewPageAsync();

        await new ProviderSignInPage(page).SignInWithAsync(
            $"Sign in with {TestIdentityProvider.MultiFactorProviderName}", "admin.strong", ProviderPassword);

        await Assertions.Expect(page.GetByTestId("home-secretariat")).ToBeVisibleAsync();
        Assert.DoesNotContain("LoginWith2fa", page.Url, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signed_in_coordinator_links_a_provider_from_the_account_pages_and_removes_it()
    {
        portal.Provider.AddUser(
            new TestProviderUser("coordinator", ProviderPassword, "j.bakker@rijksoverheid.example", EmailVerified: true, "Joost Bakker"));
        var page = await portal.NewPageSignedInAsAsync(DemoAccounts.CoordinatorNetherlands);
        await page.GotoAsync("Account/Manage/ExternalLogins");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Link sign-in with {TestIdentityProvider.PlainProviderName}", Exact = true })
            .ClickAsync();
        await page.GetByLabel("Username").FillAsync("coordinator");
        await page.GetByLabel("Password").FillAsync(ProviderPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("external-login-status")).ToContainTextAsync("is linked");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove sign-in with {TestIdentityProvider.PlainProviderName}" })
            .ClickAsync();
        await Assertions.Expect(page.GetByTestId("external-login-status")).ToContainTextAsync("was removed");
        await Assertions.Expect(
            page.GetByRole(AriaRole.Link, new() { Name = $"Link sign-in with {TestIdentityProvider.PlainProviderName}", Exact = true }))
            .ToBeVisibleAsync();
    }

    [Fact]
    public async Task Invited_person_accepts_the_invitation_through_their_organisation_and_is_signed_in()
    {
        const string email = "l.peeters@vlaanderen.example";
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var options = await portal.WithServiceAsync<Invitations, InvitationOptions>(s => s.OptionsAsync(coordinator));
        var organisation = options.Organisations.First(o => o.Name == DemoDataSeeder.ProcurerOrganisation).Id;
        await portal.WithServiceAsync<Invitations, Guid>(s => s.InviteAsync(coordinator,
            new InvitationRequest(email, "Lotte Peeters", [PortalRoles.Procurer], organisation, [], []), portal.RootUri.ToString()));
        portal.Provider.AddUser(new TestProviderUser("l.peeters", ProviderPassword, email, EmailVerified: true, "Lotte Peeters"));
        var page = await portal.NewPageAsync();

        await new ProviderSignInPage(page).SignInWithAsync(
            $"Sign in with {TestIdentityProvider.PlainProviderName}", "l.peeters", ProviderPassword);
        await Assertions.Expect(page.GetByTestId("sso-invitation")).ToContainTextAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("home-procurer")).ToBeVisibleAsync();
        await using var db = portal.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(u => u.Email == email && u.DisplayName == "Lotte Peeters"));
    }

    private async Task<bool> IsLinkedAsync(string email, string scheme)
    {
        await using var db = portal.CreateDbContext();
        return await db.UserLogins.AnyAsync(l => l.LoginProvider == scheme && db.Users.Any(u => u.Id == l.UserId && u.Email == email));
    }
}
