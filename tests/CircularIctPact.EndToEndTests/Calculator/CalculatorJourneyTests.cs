using CircularIctPact.EndToEndTests.Pages;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Calculator;

public sealed class CalculatorJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Visitor_compares_two_laptop_scenarios_signed_out_and_opens_the_share_link_read_only()
    {
        var page = await portal.NewPageAsync();
        var calculator = new CalculatorPage(page);

        await calculator.OpenAsync();
        await calculator.RemoveScenarioAsync(3);
        await Assertions.Expect(calculator.Scenarios).ToHaveCountAsync(2);
        await calculator.FillAsync(1, "Name", "Every four years");
        await calculator.FillAsync(2, "Name", "Six years with a battery");
        await calculator.FillAsync(2, "Expected years of use", "0");
        await calculator.CalculateAsync();
        await Assertions.Expect(page.GetByShownText("Years of use must be at least 1")).ToBeVisibleAsync();

        await calculator.FillAsync(2, "Expected years of use", "6");
        await calculator.CalculateAsync();

        // Defaults: €1,000 laptop, 25 kWh × €0.25 + €20 maintenance a year, €10 end of life. Four years with €100 back:
        // 1,000 + 4 × 26.25 + 10 − 100 = 1,015. Six years with a €120 battery: 1,000 + 6 × 26.25 + 120 + 10 = 1,287.50.
        await Assertions.Expect(calculator.ResultRow("Every four years")).ToContainTextAsync("€1,015.00");
        await Assertions.Expect(calculator.ResultRow("Six years with a battery")).ToContainTextAsync("€1,287.50");
        var link = await calculator.ShareLink.InputValueAsync();

        var shared = await portal.NewPageAsync();
        await shared.GotoAsync(link);

        await Assertions.Expect(shared.GetByTestId("calculator-shared")).ToBeVisibleAsync();
        await Assertions.Expect(shared.GetByTestId("calculator-form")).ToHaveCountAsync(0);
        await Assertions.Expect(new CalculatorPage(shared).ResultRow("Six years with a battery")).ToContainTextAsync("€1,287.50");
    }
}
