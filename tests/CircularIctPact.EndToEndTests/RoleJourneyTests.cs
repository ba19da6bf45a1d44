using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

/// <summary>
/// The main journey of every role through the pages that exist, in English: each step shows its heading in
/// English, sets the page language, and has no serious or critical axe violations.
/// </summary>
public sealed class EnglishRoleJourneyTests(ReadOnlyBrowserPortal shared) : IClassFixture<ReadOnlyBrowserPortal>
{
    [Theory]
    [MemberData(nameof(RoleJourneys.Roles), MemberType = typeof(RoleJourneys))]
    public Task Role_walks_its_main_journey_in_English_without_axe_violations(string role) =>
        RoleJourneys.WalkAsync(shared.Portal, role, "en");
}

/// <summary>The same journeys in Dutch, in their own class so that xunit runs the two languages side by side.</summary>
public sealed class DutchRoleJourneyTests(ReadOnlyBrowserPortal shared) : IClassFixture<ReadOnlyBrowserPortal>
{
    [Theory]
    [MemberData(nameof(RoleJourneys.Roles), MemberType = typeof(RoleJourneys))]
    public Task Role_walks_its_main_journey_in_Dutch_without_axe_violations(string role) =>
        RoleJourneys.WalkAsync(shared.Portal, role, "nl");
}

/// <summary>Each role's journey; each role signs in once per fixture and its stored browser state serves every journey.</summary>
public static class RoleJourneys
{
    public static TheoryData<string> Roles => [.. Steps.Keys];

    public static readonly Dictionary<string, (string? Account, (string Path, string English, string Dutch)[] Steps)> Steps = new()
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

    public static async Task WalkAsync(BrowserPortal portal, string role, string language)
    {
        var (account, steps) = Steps[role];
        var page = account is null ? await portal.NewPageAsync() : await portal.NewPageSignedInAsAsync(account);
        try
        {
            foreach (var (path, english, dutch) in steps)
            {
                await page.GotoAsync($"{path}?culture={language}");
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

                var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
                await Assertions.Expect(heading.First).ToContainTextAsync(language == "nl" ? dutch : english);
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                await AccessibilityCheck.AssertNoSeriousViolationsAsync(page, $"{path} ({language})");
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
