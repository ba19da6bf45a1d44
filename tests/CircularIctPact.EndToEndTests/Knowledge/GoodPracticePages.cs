using CircularIctPact.EndToEndTests.Pages;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Knowledge;

/// <summary>The good-practice pages as members, reviewers and visitors use them: editor, my cases, review queue, public list.</summary>
public sealed class GoodPracticePages(IPage page)
{
    public ILocator MyCases => page.GetByTestId("my-case");

    public ILocator ReviewHistory => page.GetByTestId("review-history");

    public async Task SignInAsync(string email)
    {
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(email);
        await Assertions.Expect(
            page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Sign out" })))
            .ToBeVisibleAsync();
    }

    /// <summary>Opens the editor for a new case and waits until it is interactive.</summary>
    public async Task WriteAsync()
    {
        await page.GotoAsync("good-practices/write");
        await WaitForEditorAsync();
    }

    public async Task FillAsync(string label, string text) => await page.GetByLabel(label, new() { Exact = true }).FillAsync(text);

    public async Task SubmitAsync()
    {
        await page.GetByTestId("submit-case").ClickAsync();
        await page.WaitForURLAsync("**/good-practices/mine");
    }

    /// <summary>From "My cases" to the case page, then to its editor.</summary>
    public async Task EditMyCaseAsync(string title)
    {
        await page.GotoAsync("good-practices/mine");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.GetByTestId("edit-case").ClickAsync();
        await WaitForEditorAsync();
    }

    public async Task<ILocator> MyCaseStatusAsync(string title)
    {
        await page.GotoAsync("good-practices/mine");
        return MyCases.Filter(new() { HasText = title }).GetByTestId("my-case-status");
    }

    /// <summary>Opens a queued case in the review queue.</summary>
    public async Task OpenForReviewAsync(string title)
    {
        await page.GotoAsync("good-practices/review");
        await Assertions.Expect(page.GetByTestId("review-queue")).ToHaveAttributeAsync("data-interactive", "true");
        await page.GetByTestId("queued-case").GetByRole(AriaRole.Button, new() { Name = title }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-under-review")).ToBeVisibleAsync();
    }

    public async Task SendBackAsync(string comment)
    {
        await page.GetByLabel("Comment for the author").FillAsync(comment);
        await page.GetByTestId("send-back-case").ClickAsync();
        await Assertions.Expect(page.GetByShownText("The case was sent back to its author.")).ToBeVisibleAsync();
    }

    public async Task ApproveAsync()
    {
        await page.GetByTestId("approve-case").ClickAsync();
        await Assertions.Expect(page.GetByShownText("The case is published.")).ToBeVisibleAsync();
    }

    private async Task WaitForEditorAsync() =>
        await Assertions.Expect(page.GetByTestId("case-form")).ToHaveAttributeAsync("data-interactive", "true");
}
