using CircularIctPact.EndToEndTests.Pages;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Criteria;

public sealed class CriteriaJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Procurer_finds_Dutch_repairability_criteria_for_smartphones_and_downloads_them_as_Word()
    {
        var page = await portal.NewPageAsync();
        var catalogue = new CriteriaCataloguePage(page);

        await catalogue.OpenAsync();
        await catalogue.FilterAsync("smartphones", "nl", "RepairabilityAndSpareParts", "Comprehensive");
        await Assertions.Expect(catalogue.Row("PHO-REP-02")).ToContainTextAsync("Repareerbaarheidsklasse B of beter");
        await Assertions.Expect(catalogue.Results.Locator("tbody tr")).ToHaveCountAsync(1);
        await catalogue.ShortlistAsync("PHO-REP-02");

        await catalogue.FilterAsync("smartphones", "nl", "RepairabilityAndSpareParts", "Core");
        await Assertions.Expect(catalogue.Row("PHO-REP-04")).ToBeVisibleAsync();
        await catalogue.ShortlistAsync("PHO-REP-04");

        await catalogue.OpenShortlistAsync();
        await Assertions.Expect(catalogue.ShortlistRows).ToHaveCountAsync(2);
        var path = await catalogue.DownloadWordAsync("nl");

        try
        {
            Assert.EndsWith(".docx", path, StringComparison.Ordinal);
            using var word = WordprocessingDocument.Open(path, false);
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("PHO-REP-02", text, StringComparison.Ordinal);
            Assert.Contains("Repareerbaarheidsklasse B of beter", text, StringComparison.Ordinal);
            Assert.Contains("PHO-REP-04", text, StringComparison.Ordinal);
            Assert.Contains("Technische specificaties", text, StringComparison.Ordinal);
            Assert.Contains("Contractbepalingen", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
