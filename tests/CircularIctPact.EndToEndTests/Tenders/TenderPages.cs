using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Tenders;

/// <summary>The tender list (/tenders) and the tender form (/tenders/new, /tenders/{id}) as procurers and coordinators use them.</summary>
public sealed class TenderPages(IPage page)
{
    public ILocator Rows => page.GetByTestId("tender-row");

    public ILocator AppliedCriteria => page.GetByTestId("applied-criteria").Locator("li");

    public async Task OpenListAsync()
    {
        await page.GotoAsync("tenders");
        await Assertions.Expect(page.GetByTestId("tender-filters")).ToHaveAttributeAsync("data-interactive", "true");
    }

    public async Task OpenNewAsync()
    {
        await page.GotoAsync("tenders/new");
        await Assertions.Expect(page.GetByTestId("tender-form")).ToHaveAttributeAsync("data-interactive", "true");
    }

    public async Task FillAsync(string title, string productGroup, int quantity)
    {
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await ChooseAsync("Product group", productGroup);
        await page.GetByLabel("Estimated quantity (devices)")
            .FillAsync(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task ApplyShortlistAsync(string name)
    {
        await ChooseAsync("Saved shortlist", name);
        await page.GetByTestId("apply-shortlist").ClickAsync();
        await Assertions.Expect(page.GetByTestId("shortlist-note")).ToBeVisibleAsync();
    }

    public async Task SaveAsync() => await page.GetByTestId("save-tender").ClickAsync();

    private async Task ChooseAsync(string label, string option)
    {
        await page.Locator(".mud-select").Filter(new() { HasText = label }).First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).ClickAsync();
        // The choice travels to the server over the circuit; go on only once the select shows it and has closed.
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = label })).ToContainTextAsync(option);
    }
}
