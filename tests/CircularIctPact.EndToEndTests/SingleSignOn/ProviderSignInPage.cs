using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.SingleSignOn;

/// <summary>The organisation's own sign-in: the button on the portal's sign-in page, then the provider's login form.</summary>
public sealed class ProviderSignInPage(IPage page)
{
    public ILocator Refusal => page.GetByTestId("sso-refusal");

    /// <param name="button">The button's text in the page's language, e.g. "Sign in with Pact ID".</param>
    public async Task SignInWithAsync(string button, string userName, string password)
    {
        await page.GotoAsync("Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = button, Exact = true }).ClickAsync();
        await page.GetByLabel("Username").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }
}
