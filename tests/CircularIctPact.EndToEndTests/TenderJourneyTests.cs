using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

public sealed class TenderJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Procurer_reports_a_tender_with_criteria_from_a_saved_shortlist_and_the_Dutch_coordinator_sees_it()
    {
        var title = "Laptops for the library " + Guid.NewGuid().ToString("N")[..6];
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.Procurer);
        var tenders = new TenderPages(page);

        await tenders.OpenNewAsync();
        await tenders.FillAsync(title, "Laptops", 240);
        await tenders.ApplyShortlistAsync(TenderDemoData.ProcurerShortlist);
        await tenders.SaveAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(tenders.AppliedCriteria.First).ToBeVisibleAsync();
        Assert.True(await tenders.AppliedCriteria.CountAsync() > 0);

        var coordinatorPage = await portal.NewPageAsync();
        var coordinatorSignIn = new SignInPage(coordinatorPage);
        await coordinatorSignIn.OpenAsync();
        await coordinatorSignIn.SignInAsync(DemoAccounts.CoordinatorNetherlands);
        var coordinatorTenders = new TenderPages(coordinatorPage);
        await coordinatorTenders.OpenListAsync();

        var row = coordinatorTenders.Rows.Filter(new() { HasText = title });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Gemeente Rivierstad");
    }
}
