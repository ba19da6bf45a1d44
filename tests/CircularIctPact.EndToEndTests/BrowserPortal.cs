using CircularIctPact.Testing;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>
/// The portal on a loopback port with Debian's Chromium (<see cref="HeadlessChromium"/>) driven by Playwright. The contexts
/// this portal opens are closed with it; the browser serves the whole test process.
/// </summary>
public class BrowserPortal : PortalFactory
{
    private readonly Dictionary<string, string> _signedInStates = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signInOnce = new(1, 1);
    private readonly OpenedContexts _contexts = new();

    protected override bool ServeOnLoopback => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Interactive pages wait for their circuit; on a busy two-core CI machine that can take longer than the 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A fresh browser context (its own cookies), by default with the portal as base address.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null) => _contexts.OpenAsync(RootUri, options);

    /// <summary>A page in a fresh browser context with the portal as base address.</summary>
    public async Task<IPage> NewPageAsync() => await (await NewContextAsync()).NewPageAsync();

    /// <summary>
    /// A fresh page already signed in as <paramref name="email"/>: the first call per account signs in
    /// through the form and keeps the browser's storage state; later calls reuse it without signing in.
    /// </summary>
    public async Task<IPage> NewPageSignedInAsAsync(string email)
    {
        await _signInOnce.WaitAsync();
        try
        {
            if (!_signedInStates.TryGetValue(email, out var state))
            {
                var page = await NewPageAsync();
                var signIn = new Pages.SignInPage(page);
                await signIn.OpenAsync();
                await signIn.SignInAsync(email);
                if (email == Infrastructure.Seeding.DemoAccounts.Admin)
                {
                    await signIn.EnterAuthenticatorCodeAsync(Infrastructure.Seeding.DemoAccounts.AdminAuthenticatorKey);
                }

                await Assertions.Expect(
                    page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })
                        .Or(page.GetByRole(AriaRole.Link, new() { Name = "Sign out" })))
                    .ToBeVisibleAsync();
                state = await page.Context.StorageStateAsync();
                _signedInStates[email] = state;
                await page.Context.CloseAsync();
            }

            var context = await NewContextAsync(new BrowserNewContextOptions { StorageState = state });
            return await context.NewPageAsync();
        }
        finally
        {
            _signInOnce.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _contexts.CloseAllAsync();
        _signInOnce.Dispose();
        await base.DisposeAsync();
    }
}
