using CircularIctPact.Infrastructure.Seeding;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

// The pages are split over three classes so that xunit runs them side by side. Pages with ?culture=nl are checked in
// Dutch: longer words and other labels must not break contrast, names or layout either.

/// <summary>Pages a visitor reaches without signing in: no serious or critical axe violations, in light and dark mode.</summary>
public sealed class VisitorPageAccessibilityTests(ReadOnlyBrowserPortal shared) : IClassFixture<ReadOnlyBrowserPortal>
{
    public static TheoryData<string, string?, bool> Pages => new()
    {
        { "", null, false },
        { "", null, true },
        { "Account/Login", null, false },
        { "accessibility", null, false },
        { "privacy", null, true },
        { "signatories?culture=nl", null, false },
        { "join?culture=nl", null, true },
        { "criteria?productGroup=smartphones&lang=nl", null, false },
        { "criteria/laptops/2.0/LAP-REP-01?lang=fr", null, true },
        { "criteria/laptops/2.0/changes", null, false },
        { "criteria/shortlist", null, true },
        { "market-signal", null, false },
        { "market-signal", null, true },
        { "events", null, false },
        { "calculator", null, false },
        { "calculator?type=smartphone&defaults=1", null, true },
        { "good-practices", null, false },
        { "library", null, true },
        { "working-groups", null, false },
        { "working-groups", null, true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Page_has_no_serious_or_critical_axe_violations(string path, string? signedInAs, bool darkMode) =>
        AccessibilityCheck.PageAsync(shared.Portal, path, signedInAs, darkMode);
}

/// <summary>
/// Pages of procurers, stakeholders and working-group chairs: no serious or critical axe violations, in light and dark mode.
/// </summary>
public sealed class MemberPageAccessibilityTests(ReadOnlyBrowserPortal shared) : IClassFixture<ReadOnlyBrowserPortal>
{
    public static TheoryData<string, string?, bool> Pages => new()
    {
        { "", DemoAccounts.Procurer, false },
        { "criteria?culture=nl", DemoAccounts.Procurer, false },
        { "criteria/shortlist?culture=nl", DemoAccounts.Procurer, true },
        { "Account/Manage/PersonalData?culture=nl", DemoAccounts.Chair, false },
        { "my-organisation", DemoAccounts.Procurer, true },
        { "", DemoAccounts.Chair, true },
        { "Account/Manage", DemoAccounts.Procurer, false },
        { "tenders", DemoAccounts.Procurer, false },
        { "tenders/new", DemoAccounts.Procurer, true },
        { "tender-calendar", DemoAccounts.Procurer, false },
        { "consultations", DemoAccounts.Procurer, false },
        { "events/new", DemoAccounts.Chair, false },
        { "self-assessment", DemoAccounts.Procurer, false },
        { "discussions", DemoAccounts.Procurer, false },
        { "discussions?q=battery", DemoAccounts.Procurer, true },
        { "discussions/pact", DemoAccounts.Procurer, true },
        { "notifications", DemoAccounts.Procurer, false },
        { "notifications/settings", DemoAccounts.Chair, true },
        { "good-practices?q=battery", DemoAccounts.Procurer, true },
        { "good-practices/mine", DemoAccounts.Procurer, false },
        { "good-practices/write", DemoAccounts.Procurer, true },
        { "library", DemoAccounts.Procurer, false },
        { "library/add", DemoAccounts.Chair, false },
        { "my-working-groups", DemoAccounts.Stakeholder, false },
        { "my-working-groups", DemoAccounts.Chair, true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Page_has_no_serious_or_critical_axe_violations(string path, string? signedInAs, bool darkMode) =>
        AccessibilityCheck.PageAsync(shared.Portal, path, signedInAs, darkMode);
}

/// <summary>Pages of buyer-group coordinators and the secretariat: no serious or critical axe violations, in light and dark mode.</summary>
public sealed class CoordinatorAndSecretariatPageAccessibilityTests(ReadOnlyBrowserPortal shared) : IClassFixture<ReadOnlyBrowserPortal>
{
    public static TheoryData<string, string?, bool> Pages => new()
    {
        { "", DemoAccounts.CoordinatorNetherlands, false },
        { "members", DemoAccounts.CoordinatorNetherlands, false },
        { "members/import", DemoAccounts.CoordinatorNetherlands, true },
        { "applications?culture=nl", DemoAccounts.CoordinatorNetherlands, false },
        { "invitations", DemoAccounts.CoordinatorNetherlands, true },
        { "audit?culture=nl", DemoAccounts.CoordinatorNetherlands, false },
        { "admin/signatories", DemoAccounts.Admin, false },
        { "admin/buyer-groups", DemoAccounts.Admin, true },
        { "admin/users?culture=nl", DemoAccounts.Admin, false },
        { "admin/criteria", DemoAccounts.Admin, false },
        { "tenders", DemoAccounts.CoordinatorNetherlands, true },
        { "demand", DemoAccounts.CoordinatorNetherlands, false },
        { "demand", DemoAccounts.Admin, true },
        { "admin/market-signal", DemoAccounts.Admin, false },
        { "consultations", DemoAccounts.Admin, true },
        { "events", DemoAccounts.CoordinatorNetherlands, true },
        { "impact", DemoAccounts.CoordinatorNetherlands, true },
        { "impact", DemoAccounts.Admin, false },
        { "discussions/pact", DemoAccounts.CoordinatorNetherlands, false },
        { "good-practices/review", DemoAccounts.CoordinatorBelgium, false },
        { "admin/working-groups", DemoAccounts.Admin, false },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Page_has_no_serious_or_critical_axe_violations(string path, string? signedInAs, bool darkMode) =>
        AccessibilityCheck.PageAsync(shared.Portal, path, signedInAs, darkMode);
}

/// <summary>The check itself finds what it looks for, so a page passing it means something.</summary>
public sealed class AccessibilityCheckTests
{
    [Fact]
    public async Task Check_reports_an_image_without_a_text_alternative_and_a_nameless_button()
    {
        var browser = await HeadlessChromium.SharedAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(
            "<html lang=\"en\"><body><main><h1>Test</h1><img src=\"photo.png\"><button></button></main></body></html>");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(
            () => AccessibilityCheck.AssertNoSeriousViolationsAsync(page, "test page"));

        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("button-name (critical)", failure.Message, StringComparison.Ordinal);
    }
}

/// <summary>axe-core in Chromium on a page: no serious or critical violations of WCAG 2.1 A and AA.</summary>
public static class AccessibilityCheck
{
    public static async Task PageAsync(BrowserPortal portal, string path, string? signedInAs, bool darkMode)
    {
        // Each account signs in through the form once per fixture; later pages reuse its cookies.
        var page = signedInAs is null ? await portal.NewPageAsync() : await portal.NewPageSignedInAsAsync(signedInAs);
        try
        {
            if (darkMode)
            {
                await page.Context.AddCookiesAsync([new Cookie { Name = "cfit.theme", Value = "dark", Url = portal.RootUri.ToString() }]);
            }

            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await AssertNoSeriousViolationsAsync(page, path);
        }
        finally
        {
            // A closed context ends the page's circuit on the server and its renderer in Chromium.
            await page.Context.CloseAsync();
        }
    }

    // axe-core runs straight in the page. The packaged Playwright runner analyses every frame apart and merges the results
    // in a second, blank page, which cost three to eight times the analysis itself on these pages without frames.
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return result.violations
            .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
            .map(violation => `${violation.id} (${violation.impact}): ${violation.help} at `
              + violation.nodes.map(node => JSON.stringify(node.target)).join(', '));
        }
        """;

    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeScript.Value);
        }

        var serious = await page.EvaluateAsync<string[]>(RunAxe);
        Assert.True(serious.Length == 0, $"{where}: " + string.Join(Environment.NewLine, serious));
    }
}
