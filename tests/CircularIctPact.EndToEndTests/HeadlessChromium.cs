using System.Diagnostics;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright. The browser is the system one (never downloaded); when it is
/// missing and the tests run as root it is installed.
/// </summary>
public static class HeadlessChromium
{
    private const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        await EnsureInstalledAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
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
