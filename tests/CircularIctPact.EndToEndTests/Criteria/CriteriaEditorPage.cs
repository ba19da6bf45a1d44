using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Criteria;

/// <summary>The secretariat's criteria pages: the overview of sets and the editor of one version.</summary>
public sealed class CriteriaEditorPage(IPage page)
{
    public ILocator Message => page.GetByTestId("editor-message");

    public ILocator Editor => page.GetByTestId("criterion-editor");

    public async Task OpenOverviewAsync()
    {
        await page.GotoAsync("admin/criteria");
        await WaitUntilInteractiveAsync();
    }

    /// <summary>
    /// Starts a draft of the last product group on the page (smartphones; the seed already has a laptops draft under consultation).
    /// </summary>
    public async Task StartDraftAsync()
    {
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start new draft version" }).Last;
        await Assertions.Expect(start).ToBeEnabledAsync();
        await start.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/criteria/sets/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();
    }

    private async Task WaitUntilInteractiveAsync() =>
        await Assertions.Expect(page.GetByTestId("interactive-ready")).ToBeAttachedAsync();

    public async Task EditAsync(string code)
    {
        var edit = page.Locator("tr", new() { HasText = code }).GetByRole(AriaRole.Button, new() { Name = "Edit" });
        await edit.ClickAsync();
        // Once in a CI run the first click, right after the set opened, did nothing while the circuit was still busy with
        // that first render; a second click on the same row opens the same editor.
        if (!await EditorShowsAsync(code, TimeSpan.FromSeconds(5)))
        {
            await edit.ClickAsync();
        }

        await Assertions.Expect(Editor).ToContainTextAsync(code);
    }

    private async Task<bool> EditorShowsAsync(string code, TimeSpan within)
    {
        try
        {
            await Assertions.Expect(Editor).ToContainTextAsync(code, new() { Timeout = (float)within.TotalMilliseconds });
            return true;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    /// <summary>Replaces the title on the translation side (the right-hand column) and saves it.</summary>
    public async Task ChangeTranslatedTitleAsync(string title, string languageName)
    {
        var translation = Editor.Locator("section[aria-label='Translation']");
        await translation.GetByLabel("Title").FillAsync(title);
        await translation.GetByRole(AriaRole.Button, new() { Name = $"Save {languageName}" }).ClickAsync();
    }
}
