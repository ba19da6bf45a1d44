using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.WorkingGroups;

public sealed class WorkingGroupJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_chair_posts_an_outcome()
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.Chair);
        await Assertions.Expect(
            page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Sign out" })))
            .ToBeVisibleAsync();
        var workspace = new WorkingGroupWorkspacePage(page);

        await workspace.OpenFromMyGroupsAsync(DemoDataSeeder.ChairedWorkingGroup);
        await workspace.PlanMeetingAsync("Battery workshop", "2026-12-10T10:00", "Brussels, room 3", "1. Battery replacement\n2. Warranty");
        await workspace.WriteMinutesAsync("Battery workshop", "Agreed to ask for user-replaceable batteries before the legal date.");
        await workspace.AddActionAsync("Battery workshop", "Draft the battery clause", "2027-01-15");
        await workspace.PublishPublicOutcomeAsync(
            "Ask for replaceable batteries now", "Buyers ask for user-replaceable batteries in every laptop tender from now on.");

        var visitor = await portal.NewPageAsync();
        await visitor.GotoAsync("working-groups");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Ask for replaceable batteries now" })).ToBeVisibleAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Ask for replaceable batteries now" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Ask for replaceable batteries now");
    }
}
