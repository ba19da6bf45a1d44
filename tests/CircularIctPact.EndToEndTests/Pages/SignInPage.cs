using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.Playwright;

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

    /// <summary>Enters the app's code; a code another sign-in of this account just used is refused, so then the next one.</summary>
    public async Task EnterAuthenticatorCodeAsync(string base32Key)
    {
        foreach (var code in AuthenticatorCodes.Candidates(base32Key))
        {
            await page.GetByLabel("Authenticator code").FillAsync(await code);
            var answer = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
                response => response.Request.Method == "POST" && response.Url.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase));
            if (answer.Status != 200)
            {
                return;
            }
        }
    }
}
