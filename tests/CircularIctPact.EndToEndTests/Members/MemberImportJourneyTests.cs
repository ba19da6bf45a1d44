using System.Text;
using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Members;

public sealed class MemberImportJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_partial_member_import_stores_the_good_rows_and_returns_the_bad_ones()
    {
        var batch = Guid.NewGuid().ToString("N")[..6];
        var good = $"Gemeente Goed {batch}";
        var alsoGood = $"Gemeente Ook Goed {batch}";
        var file = $"LegalName,Sector,Country\n{good},Education,Nederland\n"
            + $"Gemeente Fout {batch},Bakery,NL\n{alsoGood},Healthcare,Pays-Bas\n";
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.CoordinatorNetherlands);
        await page.GotoAsync("members/import");
        await Assertions.Expect(page.GetByTestId("interactive-ready")).ToBeAttachedAsync();
        // Blazor's InputFile listens for a chosen file only once its script has set up the element, just after the render.
        await page.WaitForFunctionAsync(
            "() => document.querySelector('[data-testid=import-file]')._blazorInputFileNextFileId !== undefined");

        await page.GetByTestId("import-file").SetInputFilesAsync(
            new FilePayload { Name = "members.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file) });
        await Assertions.Expect(page.GetByTestId("import-check")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-problems")).ToContainTextAsync("'Bakery' is not a known Sector");
        await page.GetByTestId("run-import-valid").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-done")).ToContainTextAsync("2 organisations were imported");
        await Assertions.Expect(page.GetByTestId("import-refused")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("refused-rows").ClickAsync());
        var refused = await File.ReadAllTextAsync(await download.PathAsync());
        var lines = refused.TrimStart('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("LegalName,Sector,Country,Reason", lines[0]);
        Assert.StartsWith($"Gemeente Fout {batch},Bakery,NL,\"Sector: '", Assert.Single(lines[1..]), StringComparison.Ordinal);

        var members = new MembersPage(page);
        await members.OpenAsync();
        await members.SearchAsync(batch);
        var links = members.MemberLinks;
        await Assertions.Expect(links).ToHaveCountAsync(2);
        await Assertions.Expect(links.GetByText(good, new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(links.GetByText(alsoGood, new() { Exact = true })).ToBeVisibleAsync();
    }
}
