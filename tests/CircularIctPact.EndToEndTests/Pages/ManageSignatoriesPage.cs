using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Pages;

/// <summary>The secretariat's signatory administration, as an admin uses it.</summary>
public sealed class ManageSignatoriesPage(IPage page)
{
    public ILocator Editor => page.GetByTestId("signatory-editor");

    public ILocator CurrentStatus => page.GetByTestId("current-status");

    public ILocator History => page.GetByTestId("status-history");

    public async Task OpenAsync() => await page.GotoAsync("admin/signatories");

    /// <summary>Opens a signatory; clicks are ignored until the circuit connects, so it clicks until the editor shows.</summary>
    public async Task SelectAsync(string name)
    {
        var open = page.GetByRole(AriaRole.Button, new() { Name = $"Open {name}", Exact = true });
        for (var attempt = 1; ; attempt++)
        {
            await open.ClickAsync();
            try
            {
                await Assertions.Expect(Editor).ToBeVisibleAsync(new() { Timeout = 2_000 });
                await Assertions.Expect(Editor.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true })).ToBeVisibleAsync();
                return;
            }
            catch (PlaywrightException) when (attempt < 10)
            {
                // The circuit was not connected yet; the page did not react to this click.
            }
        }
    }

    /// <summary>Applies the status the page proposes next, with today's date and a note.</summary>
    public async Task ChangeStatusAsync(string note)
    {
        await Editor.GetByLabel("Note").FillAsync(note);
        await Editor.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
    }
}
