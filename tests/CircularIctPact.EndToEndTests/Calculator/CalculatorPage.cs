using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Calculator;

/// <summary>The public life-cycle cost and CO2 calculator.</summary>
public sealed class CalculatorPage(IPage page)
{
    public ILocator Results => page.GetByTestId("results-table");

    public ILocator Scenarios => page.GetByTestId("scenario");

    public ILocator ShareLink => page.GetByTestId("share-link");

    public async Task OpenAsync() => await page.GotoAsync("calculator?culture=en");

    /// <summary>Removes the third default scenario, so two remain.</summary>
    public async Task RemoveScenarioAsync(int number) =>
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove this scenario {number}" }).ClickAsync();

    /// <summary>Types a value into a scenario's field, found by its label inside that scenario.</summary>
    public async Task FillAsync(int number, string label, string value) =>
        await Scenarios.Nth(number - 1).GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public async Task CalculateAsync() => await page.GetByTestId("calculate").ClickAsync();

    public ILocator ResultRow(string scenario) => Results.Locator("tbody tr").Filter(new() { HasText = scenario });
}
