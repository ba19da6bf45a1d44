using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Criteria;

/// <summary>The public criteria catalogue and the shortlist, as a procurer uses them.</summary>
public sealed class CriteriaCataloguePage(IPage page)
{
    public ILocator Results => page.GetByTestId("criteria-results");

    public ILocator ShortlistRows => page.GetByTestId("shortlist").Locator("tbody tr");

    public async Task OpenAsync() => await page.GotoAsync("criteria");

    /// <summary>Chooses the filters in the form and shows the matching criteria.</summary>
    public async Task FilterAsync(string productGroup, string language, string theme, string level)
    {
        await page.GetByLabel("Product group").SelectOptionAsync(productGroup);
        await page.GetByLabel("Language", new() { Exact = true }).SelectOptionAsync(language);
        await page.GetByLabel("Theme").SelectOptionAsync(theme);
        await page.GetByLabel("Ambition level").SelectOptionAsync(level);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show criteria" }).ClickAsync();
    }

    public ILocator Row(string code) => Results.Locator($"tr[data-code='{code}']");

    /// <summary>Ticks the criteria and puts them on the shortlist.</summary>
    public async Task ShortlistAsync(params string[] codes)
    {
        foreach (var code in codes)
        {
            await page.GetByLabel($"Shortlist {code}", new() { Exact = true }).CheckAsync();
        }

        await page.GetByTestId("add-to-shortlist").ClickAsync();
    }

    public async Task OpenShortlistAsync() => await page.GetByTestId("shortlist-link").ClickAsync();

    /// <summary>Downloads the shortlist as Word in the chosen language and returns the saved file.</summary>
    public async Task<string> DownloadWordAsync(string language)
    {
        await page.GetByLabel("Language of the export").SelectOptionAsync(language);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-docx").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(path);
        return path;
    }
}
