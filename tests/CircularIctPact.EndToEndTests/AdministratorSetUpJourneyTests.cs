using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Web.Hosting;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

public sealed class AdministratorSetUpJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task First_administrator_sets_up_password_and_authenticator_from_the_command_s_address_and_opens_secretariat_pages()
    {
        var output = new StringWriter();
        var exitCode = await PortalCommandLine.RunAsync(portal.Services,
            ["admin", "create", "--email", $"first-admin-{Guid.NewGuid():N}@pact.example.org", "--name", "Margaret Hamilton", "--base-url", portal.RootUri.ToString()],
            output, CancellationToken.None);
        Assert.Equal(0, exitCode);
        var address = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)[^1];
        var page = await portal.NewPageAsync();
        var setUp = new AdministratorSetUpPage(page);

        await page.GotoAsync(address);
        await setUp.ChoosePasswordAsync("Margaret-Apollo-1969!");
        await Assertions.Expect(setUp.QrCode).ToBeVisibleAsync();
        await setUp.EnrolAuthenticatorFromShownKeyAsync();

        await Assertions.Expect(setUp.Completed).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("code.recovery-code")).ToHaveCountAsync(10);
        await page.GotoAsync("admin/signatories");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manage signatories", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync(address);
        await Assertions.Expect(page.GetByTestId("setup-unavailable")).ToBeVisibleAsync();
    }
}
