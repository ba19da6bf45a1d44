using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>Browsers refuse passkeys at a bare IP address; the portal reached that way must still sign people in cleanly.</summary>
public sealed class PasskeyAtAnAddressTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Sign_in_page_at_an_ip_address_says_why_passkeys_are_off_and_signs_in_with_a_password()
    {
        var atIpAddress = new UriBuilder(portal.RootUri) { Host = "127.0.0.1" }.Uri;
        await using var context = await portal.NewContextAsync(new() { BaseURL = atIpAddress.ToString() });
        var page = await context.NewPageAsync();
        var errors = BrowserErrors.Watch(page);
        var signIn = new SignInPage(page);

        await signIn.OpenAsync();

        var passkey = page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" });
        await Assertions.Expect(passkey).ToBeDisabledAsync();
        await Assertions.Expect(passkey)
            .ToHaveAccessibleDescriptionAsync("Passkeys do not work at this address of the portal (an IP address, for example).");
        await signIn.SignInAsync(DemoAccounts.Procurer);
        await Assertions.Expect(page.GetByTestId("home-procurer")).ToBeVisibleAsync();
        Assert.Empty(errors.Errors);
    }
}
