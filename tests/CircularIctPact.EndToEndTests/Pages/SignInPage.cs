using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;
using OtpNet;

namespace CircularIctPact.EndToEndTests.Pages;

/// <summary>The sign-in form, as a person fills it in.</summary>
public sealed class SignInPage(IPage page)
{
    public ILocator Error => page.Locator(".alert-danger");

    public async Task OpenAsync() => await page.GotoAsync("Account/Login");

    public async Task SignInAsync(string email, string password = DemoAccounts.Password)
    {
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    public async Task EnterAuthenticatorCodeAsync(string base32Key)
    {
        await page.GetByLabel("Authenticator code").FillAsync(new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
