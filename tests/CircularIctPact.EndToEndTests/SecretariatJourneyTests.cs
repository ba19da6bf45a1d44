using System.Globalization;
using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

public sealed class SecretariatJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Secretariat_admin_moves_a_signatory_to_signed_and_sees_it_in_the_history()
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.Admin);
        await signIn.EnterAuthenticatorCodeAsync(DemoAccounts.AdminAuthenticatorKey);
        await Assertions.Expect(page.GetByTestId("home-secretariat")).ToBeVisibleAsync();

        var signatories = new ManageSignatoriesPage(page);
        await signatories.OpenAsync();
        await signatories.SelectAsync("Canada");
        await Assertions.Expect(signatories.CurrentStatus).ToHaveTextAsync("In talks");
        await signatories.ChangeStatusAsync("Signed at the ministerial meeting");

        await Assertions.Expect(signatories.CurrentStatus).ToHaveTextAsync("Signed");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lastChange = signatories.History.Locator("tbody tr").Last;
        await Assertions.Expect(lastChange).ToContainTextAsync("Signed");
        await Assertions.Expect(lastChange).ToContainTextAsync(today);
        await Assertions.Expect(lastChange).ToContainTextAsync("Signed at the ministerial meeting");
        await Assertions.Expect(signatories.History.Locator("tbody tr")).ToHaveCountAsync(3);

        await page.GotoAsync("signatories");
        await Assertions.Expect(page.GetByTestId("public-signatories")).ToContainTextAsync("Canada");
    }
}
