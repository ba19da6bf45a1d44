using System.Text.RegularExpressions;
using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Tenders;

/// <summary>Dates can be typed in the interface language's pattern as well as picked, and a wrong one is named.</summary>
public sealed class TypedDateTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Theory]
    [InlineData("en", "31/01/2027", "This is not a date. Type it like 31/01/2027")]
    [InlineData("nl", "31-01-2027", "Dit is geen datum. Typ hem als 31-01-2027")]
    public async Task A_typed_date_is_accepted_in_the_interface_culture_and_a_wrong_one_is_explained(
        string language, string typed, string message)
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.Procurer);
        await page.GotoAsync($"tenders/new?culture={language}");
        await Assertions.Expect(page.GetByTestId("tender-form")).ToHaveAttributeAsync("data-interactive", "true");
        var field = PlannedPublication(page);

        await field.FillAsync(typed);
        await field.PressAsync("Tab");

        await Assertions.Expect(field).ToHaveValueAsync(typed);
        await Assertions.Expect(page.GetByShownText(message)).ToHaveCountAsync(0);

        await field.FillAsync("31-31-2027x");
        await field.PressAsync("Tab");

        await Assertions.Expect(page.GetByShownText(message)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Audit_log_reads_a_from_date_typed_the_Dutch_way()
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.CoordinatorNetherlands);
        await page.GotoAsync("audit?culture=nl");
        await Assertions.Expect(page.GetByTestId("audit-page")).ToHaveAttributeAsync("data-interactive", "true");
        var from = page.Locator(".mud-input-control", new() { HasText = "Van (UTC-dag)" }).Locator("input").First;

        await from.FillAsync("31-12-2026");
        await from.PressAsync("Tab");

        await Assertions.Expect(page.GetByTestId("audit-export")).ToHaveAttributeAsync("href", new Regex("from=2026-12-31"));
    }

    /// <summary>The text box of the planned publication date, wherever MudBlazor puts the test id.</summary>
    private static ILocator PlannedPublication(IPage page) =>
        page.Locator("input[data-testid='planned-publication'], [data-testid='planned-publication'] input").First;

    [Fact]
    public async Task A_typed_English_date_is_saved_with_the_tender()
    {
        var title = "Typed date " + Guid.NewGuid().ToString("N")[..6];
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.Procurer);
        var tenders = new TenderPages(page);
        await page.GotoAsync("tenders/new?culture=en");
        await Assertions.Expect(page.GetByTestId("tender-form")).ToHaveAttributeAsync("data-interactive", "true");

        await tenders.FillAsync(title, "Laptops", 40);
        var field = PlannedPublication(page);
        await field.FillAsync("28/02/2027");
        await field.PressAsync("Tab");
        await tenders.SaveAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("tender-form")).ToHaveAttributeAsync("data-interactive", "true");
        await Assertions.Expect(PlannedPublication(page)).ToHaveValueAsync("28/02/2027");
    }
}
