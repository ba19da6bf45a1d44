using CircularIctPact.Infrastructure.Seeding;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>
/// The main journey of every role through the pages that exist, in English and in Dutch: each step
/// shows its heading in the chosen language, sets the page language, and has no serious or critical
/// axe violations. Each role signs in once per run; its stored browser state serves every journey.
/// </summary>
public sealed class RoleJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    public static TheoryData<string, string> Journeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Steps.Keys)
        {
            data.Add(role, "en");
            data.Add(role, "nl");
        }

        return data;
    }

    private static readonly Dictionary<string, (string? Account, (string Path, string English, string Dutch)[] Steps)> Steps = new()
    {
        ["anonymous"] = (null, [
            ("/", "Circular & Fair ICT Pact", "Circular & Fair ICT Pact"),
            ("/criteria", "Shared procurement criteria", "Gedeelde inkoopcriteria"),
            ("/signatories", "Signatories", "Ondertekenaars"),
            ("/join", "Apply to join a buyer group", "Aanmelden voor een buyer group"),
        ]),
        ["procurer"] = (DemoAccounts.Procurer, [
            ("/", "Welcome", "Welkom"),
            ("/my-organisation", "My organisation", "Mijn organisatie"),
            ("/criteria", "Shared procurement criteria", "Gedeelde inkoopcriteria"),
            ("/criteria/shortlist", "My shortlist", "Mijn shortlist"),
        ]),
        ["coordinator"] = (DemoAccounts.CoordinatorNetherlands, [
            ("/members", "Member organisations", "Lidorganisaties"),
            ("/applications", "Applications", "Aanmeldingen"),
            ("/invitations", "Invitations", "Uitnodigingen"),
            ("/audit", "Audit log", "Auditlog"),
        ]),
        ["chair"] = (DemoAccounts.Chair, [
            ("/", "Welcome", "Welkom"),
            ("/criteria", "Shared procurement criteria", "Gedeelde inkoopcriteria"),
            ("/Account/Manage/PersonalData", "Manage your account", "Uw account beheren"),
        ]),
        ["secretariat"] = (DemoAccounts.Admin, [
            ("/admin/signatories", "Manage signatories", "Ondertekenaars beheren"),
            ("/admin/buyer-groups", "Manage buyer groups", "Buyer groups beheren"),
            ("/admin/users", "Users", "Gebruikers"),
            ("/audit", "Audit log", "Auditlog"),
        ]),
    };

    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task Role_walks_its_main_journey_in_the_chosen_language_without_axe_violations(string role, string language)
    {
        var (account, steps) = Steps[role];
        var page = account is null ? await portal.NewPageAsync() : await portal.NewPageSignedInAsAsync(account);

        foreach (var (path, english, dutch) in steps)
        {
            await page.GotoAsync($"{path}?culture={language}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
            await Assertions.Expect(heading.First).ToContainTextAsync(language == "nl" ? dutch : english);
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, $"{path} ({language}): " + string.Join(Environment.NewLine, serious.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
        }
    }
}
