using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Users;

public sealed class UserListLayoutTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task User_list_in_dutch_fits_the_screen_without_scrolling_sideways(int width, int height)
    {
        var page = await portal.NewPageSignedInAsAsync(DemoAccounts.Admin);
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync("admin/users?culture=nl");

        var table = page.GetByTestId("user-table");
        await Assertions.Expect(table).ToContainTextAsync("Coördinator buyer group");
        var widths = await table.Locator(".mud-table-container").EvaluateAsync<int[]>(
            "container => [container.scrollWidth, container.clientWidth, document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"The table is {widths[0]} px wide in a container of {widths[1]} px.");
        Assert.True(widths[2] <= widths[3], $"The page is {widths[2]} px wide in a window of {widths[3]} px.");
    }
}
