using System.Diagnostics;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright. The browser is the system one (never downloaded); when it is
/// missing and the tests run as root it is installed. One browser serves the whole test process: every portal fixture
/// opens its own contexts in it (each context has its own cookies and storage), instead of starting a Playwright driver
/// and a Chromium of its own.
/// </summary>
public static class HeadlessChromium
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly Lazy<Task<IBrowser>> SharedBrowser = new(LaunchSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The test process's browser; it closes when the process ends.</summary>
    public static Task<IBrowser> SharedAsync() => SharedBrowser.Value;

    private static async Task<IBrowser> LaunchSharedAsync()
    {
        await EnsureInstalledAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync"],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Task.WaitAny(browser.CloseAsync(), Task.Delay(TimeSpan.FromSeconds(10)));
            playwright.Dispose();
        };
        return browser;
    }

    private static async Task EnsureInstalledAsync()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}. "
                + "Install it with 'sudo apt-get install -y chromium' (./scripts/test.sh does this).");
        }

        foreach (var arguments in new[] { "update -qq", "install -y -qq chromium" })
        {
            using var apt = Process.Start(
                new ProcessStartInfo("apt-get", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
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
