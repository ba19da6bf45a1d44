using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Tenders;

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

    [Fact]
    public async Task Procurer_marks_interest_in_a_shared_tender_of_another_member_and_withdraws_it()
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.Procurer);
        await page.GotoAsync("tender-calendar");
        await Assertions.Expect(page.GetByTestId("calendar-filters")).ToHaveAttributeAsync("data-interactive", "true");

        var entries = page.GetByTestId("calendar-entry");
        await Assertions.Expect(page.GetByTestId("open-interest").First).ToBeVisibleAsync();
        var index = -1;
        for (var i = 0; i < await entries.CountAsync() && index < 0; i++)
        {
            if (await entries.Nth(i)
                .GetByTestId("open-interest")
                .CountAsync() == 1 && await entries.Nth(i).GetByTestId("my-interest").CountAsync() == 0)
            {
                index = i;
            }
        }

        Assert.True(index >= 0, "The demo calendar should hold a shared tender of another member without the procurer's interest.");
        var tender = entries.Nth(index);
        await Assertions.Expect(page.GetByTestId("interest-form")).ToHaveCountAsync(0);

        await tender.GetByTestId("open-interest").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(tender.GetByTestId("interest-form").Locator(":focus")).ToHaveCountAsync(1);
        await tender.GetByLabel("Note to the owner (optional)").FillAsync("We plan 300 laptops in the same quarter.");
        await tender.GetByTestId("mark-interest").ClickAsync();

        await Assertions.Expect(tender.GetByTestId("my-interest")).ToHaveTextAsync("Your interest: Join");
        await Assertions.Expect(page.GetByTestId("interest-form")).ToHaveCountAsync(0);
        await Assertions.Expect(tender.GetByTestId("open-interest")).ToBeFocusedAsync();

        await tender.GetByTestId("withdraw-interest").ClickAsync();
        await Assertions.Expect(tender.GetByTestId("my-interest")).ToHaveCountAsync(0);
        await Assertions.Expect(tender.GetByTestId("open-interest")).ToHaveTextAsync("Mark interest");
    }
}
