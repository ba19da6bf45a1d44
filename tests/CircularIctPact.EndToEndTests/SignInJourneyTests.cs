using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

public sealed class SignInJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    public static TheoryData<string, string> RoleHomeSections => new()
    {
        { DemoAccounts.CoordinatorNetherlands, "home-coordinator" },
        { DemoAccounts.CoordinatorBelgium, "home-coordinator" },
        { DemoAccounts.Procurer, "home-procurer" },
        { DemoAccounts.Chair, "home-working-groups" },
    };

    [Theory]
    [MemberData(nameof(RoleHomeSections))]
    public async Task Demo_user_signs_in_through_the_form_and_sees_their_role_home(string email, string section)
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);

        await signIn.OpenAsync();
        await signIn.SignInAsync(email);

        await Assertions.Expect(page.GetByTestId(section)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");
    }

    [Fact]
    public async Task Secretariat_admin_signs_in_with_an_authenticator_code_and_sees_secretariat_figures()
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);

        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.Admin);
        await signIn.EnterAuthenticatorCodeAsync(DemoAccounts.AdminAuthenticatorKey);

        await Assertions.Expect(page.GetByTestId("home-secretariat")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_stays_signed_out()
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);

        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.Procurer, "Wrong!Password1");

        await Assertions.Expect(signIn.Error).ToContainTextAsync("not right");
        await page.GotoAsync("");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("home-procurer")).ToHaveCountAsync(0);
    }
}
