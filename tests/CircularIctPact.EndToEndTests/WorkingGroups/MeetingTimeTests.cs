using System.Globalization;
using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.WorkingGroups;

public sealed class MeetingTimeTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly string[] DutchWeekdays = ["zo", "ma", "di", "wo", "do", "vr", "za"];

    [Fact]
    public async Task Working_group_page_shows_a_meeting_in_the_viewers_own_time_zone_and_language()
    {
        await using var context = await portal.NewContextAsync(new() { TimezoneId = "Asia/Tokyo" });
        var page = await context.NewPageAsync();
        var errors = BrowserErrors.Watch(page);
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.Procurer);
        await Assertions.Expect(page.GetByTestId("home-procurer")).ToBeVisibleAsync();

        await page.GotoAsync("working-groups?culture=nl");
        // A Dutch reader gets the group's Dutch name, which its chair translated.
        await page.GetByRole(AriaRole.Link, new() { Name = "Circulaire criteria voor laptops" }).ClickAsync();

        var viewerTime = page.Locator("[data-viewer-time]").First;
        await Assertions.Expect(viewerTime).ToContainTextAsync("Uw tijd:");
        var instant = DateTimeOffset.Parse(
            (await viewerTime.GetAttributeAsync("data-viewer-time"))!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var inTokyo = instant.ToOffset(TimeSpan.FromHours(9));
        await Assertions.Expect(viewerTime).ToContainTextAsync($"{DutchWeekdays[(int)inTokyo.DayOfWeek]} {inTokyo.Day} ");
        await Assertions.Expect(viewerTime).ToContainTextAsync($"{inTokyo:HH:mm} GMT+9");
        Assert.Empty(errors.Errors);
    }
}
