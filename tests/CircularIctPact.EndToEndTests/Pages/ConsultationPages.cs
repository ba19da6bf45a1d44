using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Pages;

/// <summary>The consultation overview and one consultation, as a member uses them.</summary>
public sealed class ConsultationPages(IPage page)
{
    public async Task OpenOverviewAsync() => await page.GotoAsync("consultations");

    public async Task OpenAsync(string productGroupAndVersion) =>
        await page.GetByTestId("consultations").GetByRole(AriaRole.Link, new() { Name = productGroupAndVersion }).ClickAsync();

    public ILocator Criterion(string code) => page.Locator($"section#criterion-{code}");

    public async Task CommentAsync(string code, string text)
    {
        await page.GetByLabel($"Your comment on {code}").FillAsync(text);
        await Criterion(code).GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();
    }
}

/// <summary>The event list and an event page.</summary>
public sealed class EventPages(IPage page)
{
    public async Task OpenListAsync() => await page.GotoAsync("events");

    public async Task OpenAsync(string title) =>
        await page.GetByTestId("upcoming-events").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();

    public async Task RegisterAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

    public ILocator MyRegistration => page.GetByTestId("my-registration");

    public ILocator Seats => page.GetByTestId("event-seats");
}
