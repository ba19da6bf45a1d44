using CircularIctPact.Infrastructure.Seeding;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>axe-core in Chromium on each page, in light and dark mode: no serious or critical violations.</summary>
public sealed class AccessibilityTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    public static TheoryData<string, string?, bool> Pages => new()
    {
        { "", null, false },
        { "", null, true },
        { "Account/Login", null, false },
        { "accessibility", null, false },
        { "privacy", null, true },
        { "", DemoAccounts.Procurer, false },
        { "my-organisation", DemoAccounts.Procurer, true },
        { "", DemoAccounts.CoordinatorNetherlands, false },
        { "", DemoAccounts.Chair, true },
        { "Account/Manage", DemoAccounts.Procurer, false },
        { "signatories", null, false },
        { "join", null, true },
        { "members", DemoAccounts.CoordinatorNetherlands, false },
        { "members/import", DemoAccounts.CoordinatorNetherlands, true },
        { "applications", DemoAccounts.CoordinatorNetherlands, false },
        { "invitations", DemoAccounts.CoordinatorNetherlands, true },
        { "audit", DemoAccounts.CoordinatorNetherlands, false },
        { "admin/signatories", DemoAccounts.Admin, false },
        { "admin/buyer-groups", DemoAccounts.Admin, true },
        { "admin/users", DemoAccounts.Admin, false },
        { "criteria?productGroup=smartphones&lang=nl", null, false },
        { "criteria/laptops/2.0/LAP-REP-01?lang=fr", null, true },
        { "criteria/laptops/2.0/changes", null, false },
        { "criteria/shortlist", null, true },
        { "admin/criteria", DemoAccounts.Admin, false },
        { "tenders", DemoAccounts.Procurer, false },
        { "tenders/new", DemoAccounts.Procurer, true },
        { "tenders", DemoAccounts.CoordinatorNetherlands, true },
        { "tender-calendar", DemoAccounts.Procurer, false },
        { "demand", DemoAccounts.CoordinatorNetherlands, false },
        { "demand", DemoAccounts.Admin, true },
        { "admin/market-signal", DemoAccounts.Admin, false },
        { "market-signal", null, false },
        { "market-signal", null, true },
        { "consultations", DemoAccounts.Procurer, false },
        { "consultations", DemoAccounts.Admin, true },
        { "events", null, false },
        { "events", DemoAccounts.CoordinatorNetherlands, true },
        { "events/new", DemoAccounts.Chair, false },
        { "calculator", null, false },
        { "calculator?type=smartphone&defaults=1", null, true },
        { "self-assessment", DemoAccounts.Procurer, false },
        { "impact", DemoAccounts.CoordinatorNetherlands, true },
        { "impact", DemoAccounts.Admin, false },
        { "discussions", DemoAccounts.Procurer, false },
        { "discussions?q=battery", DemoAccounts.Procurer, true },
        { "discussions/pact", DemoAccounts.CoordinatorNetherlands, false },
        { "discussions/pact", DemoAccounts.Procurer, true },
        { "notifications", DemoAccounts.Procurer, false },
        { "notifications/settings", DemoAccounts.Chair, true },
        { "good-practices", null, false },
        { "good-practices?q=battery", DemoAccounts.Procurer, true },
        { "good-practices/mine", DemoAccounts.Procurer, false },
        { "good-practices/write", DemoAccounts.Procurer, true },
        { "good-practices/review", DemoAccounts.CoordinatorBelgium, false },
        { "library", null, true },
        { "library", DemoAccounts.Procurer, false },
        { "library/add", DemoAccounts.Chair, false },
        { "working-groups", null, false },
        { "working-groups", null, true },
        { "my-working-groups", DemoAccounts.Stakeholder, false },
        { "my-working-groups", DemoAccounts.Chair, true },
        { "admin/working-groups", DemoAccounts.Admin, false },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_serious_or_critical_axe_violations(string path, string? signedInAs, bool darkMode)
    {
        // Each account signs in through the form once per fixture; later pages reuse its cookies.
        var page = signedInAs is null ? await portal.NewPageAsync() : await portal.NewPageSignedInAsAsync(signedInAs);
        if (darkMode)
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = "cfit.theme", Value = "dark", Url = portal.RootUri.ToString() }]);
        }

        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
