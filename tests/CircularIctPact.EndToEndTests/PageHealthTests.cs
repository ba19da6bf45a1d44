using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

public sealed class PageHealthTests(ReadOnlyBrowserPortal shared) : IClassFixture<ReadOnlyBrowserPortal>
{
    [Fact]
    public async Task Public_and_member_pages_load_without_script_errors_or_policy_violations()
    {
        var page = await shared.Portal.NewPageAsync();
        try
        {
            var errors = BrowserErrors.Watch(page);

            await page.GotoAsync("");
            await page.GotoAsync("signatories");
            await page.GotoAsync("join");
            var signIn = new SignInPage(page);
            await signIn.OpenAsync();
            await signIn.SignInAsync(DemoAccounts.Procurer);
            await Assertions.Expect(page.GetByTestId("home-procurer")).ToBeVisibleAsync();
            await page.GotoAsync("my-organisation");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My organisation" })).ToBeVisibleAsync();

            Assert.Empty(errors.Errors);
        }
        finally
        {
            // The portal is shared with other classes: a closed context ends its circuit now.
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Dark_mode_switch_changes_the_theme_and_remembers_it()
    {
        var page = await shared.Portal.NewPageAsync();
        try
        {
            await page.GotoAsync("");

            await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
        }
        finally
        {
            // The portal is shared with other classes: a closed context ends its circuit now.
            await page.Context.CloseAsync();
        }
    }
}
