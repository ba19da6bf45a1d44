using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

public sealed class ConsultationAndEventJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_member_comments_on_a_draft()
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.Procurer);
        var consultations = new ConsultationPages(page);

        await consultations.OpenOverviewAsync();
        await consultations.OpenAsync("Laptops 2.1");
        await Assertions.Expect(page.GetByTestId("consultation-phase")).ToContainTextAsync("Open for comments");
        await consultations.CommentAsync(
            "LAP-BAT-01", "Our contracts run until 2028; please say how the battery rule applies to later deliveries.");

        await Assertions.Expect(page.GetByRole(AriaRole.Status).And(page.Locator(".mud-alert")))
            .ToContainTextAsync("your comment has been added");
        var mine = consultations.Criterion("LAP-BAT-01").GetByTestId("consultation-comment");
        await Assertions.Expect(mine).ToContainTextAsync("Fatima El Amrani");
        await Assertions.Expect(mine).ToContainTextAsync("later deliveries");
    }

    [Fact]
    public async Task A_member_registers_for_an_event_and_can_add_it_to_the_calendar()
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.Procurer);
        var events = new EventPages(page);

        await events.OpenListAsync();
        await events.OpenAsync(EventDemoData.MembersWebinar);
        await events.RegisterAsync();

        await Assertions.Expect(events.MyRegistration).ToContainTextAsync("You are registered.");
        await Assertions.Expect(events.Seats).ToContainTextAsync("1 of 25 taken");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Add to calendar (.ics)" })
            .ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
