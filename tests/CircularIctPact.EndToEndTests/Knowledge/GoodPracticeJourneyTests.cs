using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Knowledge;

public sealed class GoodPracticeJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Procurer_case_is_sent_back_resubmitted_approved_and_then_public()
    {
        const string title = "Docking stations reused across three laptop generations";
        var procurer = new GoodPracticePages(await portal.NewPageAsync());
        await procurer.SignInAsync(DemoAccounts.Procurer);
        await procurer.WriteAsync();
        await procurer.FillAsync("Title", title);
        await procurer.FillAsync("Context", "Every new laptop came with a new docking station.");
        await procurer.FillAsync("Approach", "We asked for laptops that work with the docking stations we already have.");
        await procurer.FillAsync("Results", "The old docking stations stayed in use.");
        await procurer.FillAsync("Impact", "Fewer accessories bought.");
        await procurer.FillAsync("Lessons learned", "Check compatibility in the tender.");
        await procurer.SubmitAsync();
        await Assertions.Expect(await procurer.MyCaseStatusAsync(title)).ToHaveTextAsync("Waiting for review");

        var coordinator = new GoodPracticePages(await portal.NewPageAsync());
        await coordinator.SignInAsync(DemoAccounts.CoordinatorNetherlands);
        await coordinator.OpenForReviewAsync(title);
        await coordinator.SendBackAsync("Please say how many docking stations stayed in use.");

        await Assertions.Expect(await procurer.MyCaseStatusAsync(title)).ToHaveTextAsync("Sent back");
        await procurer.EditMyCaseAsync(title);
        await Assertions.Expect(procurer.ReviewHistory).ToContainTextAsync("Please say how many docking stations stayed in use.");
        await procurer.FillAsync("Results", "All docking stations of the previous generation stayed in use.");
        await procurer.SubmitAsync();
        await Assertions.Expect(await procurer.MyCaseStatusAsync(title)).ToHaveTextAsync("Waiting for review");

        await coordinator.OpenForReviewAsync(title);
        await Assertions.Expect(coordinator.ReviewHistory).ToContainTextAsync("Resubmitted");
        await coordinator.ApproveAsync();

        var visitor = await portal.NewPageAsync();
        await visitor.GotoAsync("good-practices");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(visitor.GetByText("All docking stations of the previous generation stayed in use.")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByTestId("review-history")).ToHaveCountAsync(0);
    }
}
