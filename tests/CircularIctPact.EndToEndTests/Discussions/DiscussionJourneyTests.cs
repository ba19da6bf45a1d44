using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Discussions;

public sealed class DiscussionJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Procurer_asks_the_pact_the_dutch_coordinator_answers_with_a_mention_and_the_procurer_marks_the_solution()
    {
        const string title = "Take-back of old smartphones: who collects them?";
        var procurerPage = await SignedInPageAsync(DemoAccounts.Procurer);
        var procurer = new DiscussionPages(procurerPage);
        await procurer.OpenSpaceAsync("pact");
        await procurer.StartThreadAsync(title, "Does the supplier collect the old devices, or do you hire a **refurbisher**?");

        var coordinatorPage = await SignedInPageAsync(DemoAccounts.CoordinatorNetherlands);
        var coordinator = new DiscussionPages(coordinatorPage);
        await coordinator.OpenSpaceAsync("pact");
        await coordinator.OpenThreadAsync(title);
        await coordinator.ReplyMentioningAsync(
            "We put take-back in the contract; the supplier reports per device what was reused. Ask", "Fati", "Fatima El Amrani");
        await Assertions.Expect(coordinator.Replies).ToHaveCountAsync(1);

        await procurerPage.GotoAsync("");
        await Assertions.Expect(procurer.NotificationCount).ToContainTextAsync("1");
        await procurer.OpenNotificationAsync($"Joost Bakker mentioned you in “{title}”");
        var reply = procurer.Replies.Filter(new() { HasText = "take-back in the contract" });
        await procurer.MarkSolutionAsync(reply);

        await Assertions.Expect(reply.GetByText("Solution", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(procurer.NotificationCount).ToHaveCountAsync(0);
    }

    private async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(email);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }
}
