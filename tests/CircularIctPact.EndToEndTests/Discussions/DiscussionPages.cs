using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Discussions;

/// <summary>A discussion space, a thread and the notification list, as a member uses them.</summary>
public sealed class DiscussionPages(IPage page)
{
    public ILocator Replies => page.GetByTestId("reply");

    public ILocator NotificationCount => page.GetByTestId("notification-count");

    public async Task OpenSpaceAsync(string spaceKey)
    {
        await page.GotoAsync($"discussions/{spaceKey}");
        await Assertions.Expect(page.GetByTestId("space-page"))
            .ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 15_000 });
    }

    public async Task StartThreadAsync(string title, string text)
    {
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Text", new() { Exact = false }).First.FillAsync(text);
        await page.GetByTestId("start-thread").ClickAsync();
        await WaitForThreadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
    }

    public async Task OpenThreadAsync(string title)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await WaitForThreadAsync();
    }

    /// <summary>Writes a reply, mentions a person picked from the space's members, and sends it.</summary>
    public async Task ReplyMentioningAsync(string text, string mentionStart, string mentionName)
    {
        var reply = page.GetByLabel("Reply", new() { Exact = true });
        await reply.FillAsync(text);
        await page.GetByLabel("Mention someone").FillAsync(mentionStart);
        await page.Locator(".mud-popover-open").GetByText(mentionName).ClickAsync();
        await Assertions.Expect(reply).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"@{mentionName}"));
        await page.GetByTestId("send-reply").ClickAsync();
    }

    public async Task OpenNotificationAsync(string title)
    {
        await page.GotoAsync("notifications");
        await page.GetByRole(AriaRole.Button, new() { Name = title }).ClickAsync();
        await WaitForThreadAsync();
    }

    public async Task MarkSolutionAsync(ILocator reply) => await reply.GetByTestId("mark-solution").ClickAsync();

    private async Task WaitForThreadAsync() =>
        await Assertions.Expect(page.GetByTestId("thread-page"))
            .ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 15_000 });
}
