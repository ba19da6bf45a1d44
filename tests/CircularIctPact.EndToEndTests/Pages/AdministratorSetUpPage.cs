using Microsoft.Playwright;
using OtpNet;

namespace CircularIctPact.EndToEndTests.Pages;

/// <summary>The page a set-up address opens: choose a password, then enrol an authenticator app.</summary>
public sealed class AdministratorSetUpPage(IPage page)
{
    public ILocator AuthenticatorKey => page.GetByTestId("authenticator-key");

    public ILocator QrCode => page.GetByRole(AriaRole.Img, new() { Name = "QR code that adds the portal to an authenticator app" });

    public ILocator Completed => page.GetByTestId("setup-complete");

    public async Task ChoosePasswordAsync(string password)
    {
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the password and continue" }).ClickAsync();
    }

    /// <summary>Reads the key the page shows, as a person types it into the app, and enters the app's current code.</summary>
    public async Task EnrolAuthenticatorFromShownKeyAsync()
    {
        var shownKey = await AuthenticatorKey.InnerTextAsync();
        var key = shownKey.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Six-digit code").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and sign in" }).ClickAsync();
    }
}
