using System.Diagnostics;
using CircularIctPact.Testing;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>
/// The portal on a loopback port with Debian's Chromium driven by Playwright. The browser is the
/// system one (never downloaded); when it is missing and the tests run as root it is installed.
/// </summary>
public class BrowserPortal : PortalFactory
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly Dictionary<string, string> _signedInStates = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signInOnce = new(1, 1);

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    protected override bool ServeOnLoopback => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await EnsureChromiumAsync();
        // Interactive pages wait for their circuit; on a busy two-core CI machine that can take longer than the 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) with the portal as base address.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = RootUri.ToString() });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

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

                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }))).ToBeVisibleAsync();
                state = await page.Context.StorageStateAsync();
                _signedInStates[email] = state;
                await page.Context.CloseAsync();
            }

            var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = RootUri.ToString(), StorageState = state });
            context.SetDefaultTimeout(15_000);
            return await context.NewPageAsync();
        }
        finally
        {
            _signInOnce.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        _signInOnce.Dispose();
        await base.DisposeAsync();
    }

    private static async Task EnsureChromiumAsync()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}. Install it with 'sudo apt-get install -y chromium' (./scripts/test.sh does this).");
        }

        foreach (var arguments in new[] { "update -qq", "install -y -qq chromium" })
        {
            using var apt = Process.Start(new ProcessStartInfo("apt-get", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
                ?? throw new InvalidOperationException("Could not run apt-get to install Chromium.");
            await apt.StandardOutput.ReadToEndAsync();
            await apt.WaitForExitAsync();
            if (apt.ExitCode != 0)
            {
                throw new InvalidOperationException($"'apt-get {arguments}' failed: {await apt.StandardError.ReadToEndAsync()}");
            }
        }
    }
}
