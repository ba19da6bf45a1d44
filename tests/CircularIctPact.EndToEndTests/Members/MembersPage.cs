using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Members;

/// <summary>The member grid (/members) and a member's edit page, as a coordinator uses them.</summary>
public sealed class MembersPage(IPage page)
{
    public ILocator Grid => page.GetByTestId("member-grid");

    public ILocator MemberLinks => Grid.Locator("tbody a");

    public ILocator LegalName => page.GetByLabel("Legal name", new() { Exact = true });

    public ILocator Website => page.GetByLabel("Website", new() { Exact = true });

    public ILocator Conflict => page.GetByTestId("conflict");

    public ILocator RowsPerPage => page.GetByLabel("Rows per page");

    public ILocator PagerCaption => page.GetByTestId("member-pager-caption");

    /// <summary>The header button that sorts the grid by the column with this title.</summary>
    public ILocator SortButton(string columnTitle) => Grid.GetByRole(AriaRole.Button, new() { Name = columnTitle, Exact = true });

    public ILocator SortedHeader => Grid.Locator("th[aria-sort]");

    public ILocator PagerButton(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Opens the list and waits until the grid has loaded rows, which it does only once the circuit runs.</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync("members");
        await Assertions.Expect(MemberLinks.First).ToBeVisibleAsync();
    }

    public async Task SearchAsync(string text) =>
        await page.GetByLabel("Search name, website or contact e-mail").FillAsync(text);

    /// <summary>Follows the member's link and waits until the edit page is interactive.</summary>
    public async Task OpenMemberAsync(string legalName)
    {
        await MemberLinks.GetByText(legalName, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("member-form")).ToHaveAttributeAsync("data-interactive", "true");
    }

    public async Task SaveAsync() => await page.GetByTestId("save-member").ClickAsync();
}
