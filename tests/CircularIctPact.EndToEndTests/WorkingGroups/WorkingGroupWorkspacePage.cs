using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.WorkingGroups;

/// <summary>A chair's workspace of one working group: meetings, outcomes, action items and participants.</summary>
public sealed class WorkingGroupWorkspacePage(IPage page)
{
    public ILocator Notice => page.GetByTestId("workspace-notice");

    /// <summary>Waits for the outcome of the last action and fails with the page's own error message when it went wrong.</summary>
    private async Task ExpectNoticeAsync(string text)
    {
        try
        {
            await Assertions.Expect(Notice).ToHaveTextAsync(text);
        }
        catch (PlaywrightException)
        {
            var problems = await page.GetByTestId("workspace-error").Or(page.Locator(".mud-input-error")).AllInnerTextsAsync();
            Assert.Fail($"No \"{text}\"; the page says: {string.Join(" | ", problems)}");
        }
    }

    /// <summary>Opens the group from "My working groups" and waits until the workspace reacts.</summary>
    public async Task OpenFromMyGroupsAsync(string groupName)
    {
        await page.GotoAsync("my-working-groups");
        await page.GetByRole(AriaRole.Link, new() { Name = groupName }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("interactive-ready")).ToBeAttachedAsync();
    }

    public async Task PlanMeetingAsync(string title, string localStart, string place, string agenda)
    {
        await page.GetByLabel("Meeting title").FillAsync(title);
        await page.GetByLabel("Date and time").FillAsync(localStart);
        await page.GetByLabel("Place", new() { Exact = true }).FillAsync(place);
        await page.GetByLabel("Agenda").FillAsync(agenda);
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan meeting" }).ClickAsync();
        await ExpectNoticeAsync("Meeting planned.");
    }

    public async Task WriteMinutesAsync(string meetingTitle, string minutes)
    {
        var meeting = page.GetByTestId("meeting").Filter(new() { HasText = meetingTitle });
        await meeting.GetByRole(AriaRole.Button, new() { Name = "Minutes, attendance and actions" }).ClickAsync();
        await meeting.GetByLabel("Minutes").FillAsync(minutes);
        await meeting.GetByRole(AriaRole.Button, new() { Name = "Save minutes" }).ClickAsync();
        await ExpectNoticeAsync("Minutes saved.");
    }

    public async Task AddActionAsync(string meetingTitle, string description, string dueOn)
    {
        var meeting = page.GetByTestId("meeting").Filter(new() { HasText = meetingTitle });
        await meeting.GetByLabel("Action", new() { Exact = true }).FillAsync(description);
        await meeting.GetByLabel("Due date").FillAsync(dueOn);
        await meeting.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await ExpectNoticeAsync("Action added.");
    }

    public async Task PublishPublicOutcomeAsync(string title, string text)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Outcomes" }).ClickAsync();
        await page.GetByLabel("Outcome title").FillAsync(title);
        await page.GetByLabel("Public", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await ExpectNoticeAsync("Outcome saved.");
        await page.GetByTestId("outcome")
            .Filter(new() { HasText = title })
            .GetByRole(AriaRole.Button, new() { Name = "Publish" })
            .ClickAsync();
        await ExpectNoticeAsync("Outcome published. Everyone can now read it on the public working-group pages.");
    }
}
