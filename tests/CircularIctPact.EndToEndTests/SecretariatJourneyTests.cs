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
        var today = DateTime.UtcNow.ToString("d", CultureInfo.GetCultureInfo("en-GB"));
        var lastChange = signatories.History.Locator("tbody tr").Last;
        await Assertions.Expect(lastChange).ToContainTextAsync("Signed");
        await Assertions.Expect(lastChange).ToContainTextAsync(today);
        await Assertions.Expect(lastChange).ToContainTextAsync("Signed at the ministerial meeting");
        await Assertions.Expect(signatories.History.Locator("tbody tr")).ToHaveCountAsync(3);

        await page.GotoAsync("signatories");
        await Assertions.Expect(page.GetByTestId("public-signatories")).ToContainTextAsync("Canada");
    }

    [Fact]
    public async Task Secretariat_admin_adds_a_tier_is_told_why_a_used_tier_stays_and_finds_a_user()
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.Admin);
        await signIn.EnterAuthenticatorCodeAsync(DemoAccounts.AdminAuthenticatorKey);
        await Assertions.Expect(page.GetByTestId("home-secretariat")).ToBeVisibleAsync();

        await page.GotoAsync("admin/buyer-groups");
        await page.GetByRole(AriaRole.Link, new() { Name = DemoDataSeeder.DutchBuyerGroup }).ClickAsync();
        var tiers = page.GetByTestId("tiers");
        await UntilAsync(
            async () =>
            {
                await page.GetByLabel("New tier").FillAsync("Observers");
                await page.GetByRole(AriaRole.Button, new() { Name = "Add tier" }).ClickAsync();
            },
            tiers.Locator("tbody tr").Nth(2));
        await Assertions.Expect(tiers.Locator("tbody tr")).ToHaveCountAsync(3);

        await tiers.Locator("tbody tr").First.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("tier-error")).ToContainTextAsync("cannot be removed");

        await page.GotoAsync("admin/users");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Invite a person" }))
            .ToHaveAttributeAsync("href", "invitations");
        await UntilAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Manage Joost Bakker" }).ClickAsync(),
            page.GetByTestId("user-editor"));
        await Assertions.Expect(page.GetByTestId("user-editor")).ToContainTextAsync(DemoDataSeeder.DutchBuyerGroup);
    }

    /// <summary>Interactive pages ignore input until the circuit connects: repeat the action until the page reacts.</summary>
    private static async Task UntilAsync(Func<Task> action, ILocator reaction)
    {
        for (var attempt = 1; ; attempt++)
        {
            await action();
            try
            {
                await Assertions.Expect(reaction).ToBeVisibleAsync(new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 10)
            {
                // Not connected yet.
            }
        }
    }
}
