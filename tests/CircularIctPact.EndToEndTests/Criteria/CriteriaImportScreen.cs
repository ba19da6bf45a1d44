using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Criteria;

/// <summary>The secretariat's import of a criteria file into one product group: upload, preview, confirm or cancel.</summary>
public sealed class CriteriaImportScreen(IPage page)
{
    public ILocator Preview => page.GetByTestId("import-preview");

    public ILocator Counts => page.GetByTestId("import-counts");

    public ILocator Changes => page.GetByTestId("import-change");

    public ILocator Done => page.GetByTestId("import-done");

    public ILocator Cancelled => page.GetByTestId("import-cancelled");

    public async Task OpenAsync(string productGroup)
    {
        await page.GotoAsync($"admin/criteria/import/{productGroup}");
        await Assertions.Expect(page.GetByTestId("interactive-ready")).ToBeAttachedAsync();
    }

    public async Task UploadAsync(string fileName, string mimeType, byte[] content) =>
        await page.GetByTestId("criteria-import-file")
            .SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });

    public async Task ConfirmAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Confirm import" }).ClickAsync();

    public async Task CancelAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
}
