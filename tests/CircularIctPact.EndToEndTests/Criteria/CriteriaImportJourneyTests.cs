using CircularIctPact.Domain.Criteria;
using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Content;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Criteria;

public sealed class CriteriaImportJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Secretariat_previews_a_translated_file_cancels_and_then_confirms_it()
    {
        var (setId, code) = await OpenDraftOfLaptopsAsync();
        var germanBefore = await GermanTitleAsync(setId, code);
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var export = await portal.WithServiceAsync<CriteriaExchange, CriteriaExport>(x => x.ExportJsonAsync(setId, admin));
        var document = await CriteriaSetDocument.ReadAsync(new MemoryStream(export.Content), export.FileName);
        var criterion = document.Versions[0].Criteria.Single(c => c.Code == code);
        criterion.Texts["de"] = new CriterionTextDocument(
            "Reparierbarkeit geprüft", "Das Gerät lässt sich reparieren.", null, null, null, null);
        var translated = document.ToUtf8Json();
        var page = await portal.NewPageSignedInAsAsync(DemoAccounts.Admin);
        var import = new CriteriaImportScreen(page);

        await import.OpenAsync("laptops");
        await import.UploadAsync("laptops-de.json", "application/json", translated);
        await Assertions.Expect(import.Counts).ToContainTextAsync("Changed: 1");
        await Assertions.Expect(import.Changes).ToHaveCountAsync(1);
        await Assertions.Expect(import.Changes).ToContainTextAsync(code);
        await Assertions.Expect(import.Changes).ToContainTextAsync("Reparierbarkeit geprüft");
        await import.CancelAsync();
        await Assertions.Expect(import.Cancelled).ToBeVisibleAsync();
        Assert.Equal(germanBefore, await GermanTitleAsync(setId, code));

        await import.UploadAsync("laptops-de.json", "application/json", translated);
        await Assertions.Expect(import.Preview).ToContainTextAsync("Importing it updates that draft.");
        await import.ConfirmAsync();
        await Assertions.Expect(import.Done).ToContainTextAsync("was saved.");
        Assert.Equal("Reparierbarkeit geprüft", await GermanTitleAsync(setId, code));
    }

    /// <summary>The seeded laptops draft (under consultation) and the code of its first criterion.</summary>
    private async Task<(Guid SetId, string Code)> OpenDraftOfLaptopsAsync()
    {
        var draft = await LaptopsDraftAsync();
        return (draft.Id, draft.Criteria.Select(c => c.Code.Value).Order(StringComparer.Ordinal).First());
    }

    private async Task<string?> GermanTitleAsync(Guid setId, string code)
    {
        var draft = await LaptopsDraftAsync();
        Assert.Equal(setId, draft.Id);
        return draft.Criteria.Single(c => c.Code.Value == code).TextIn(CriteriaLanguage.De)?.Title;
    }

    private async Task<CriteriaSet> LaptopsDraftAsync()
    {
        await using var db = portal.CreateDbContext();
        return await db.CriteriaSets.AsNoTracking()
            .Include(s => s.Criteria).ThenInclude(c => c.Texts)
            .AsSplitQuery()
            .SingleAsync(
                s => s.Status == CriteriaSetStatus.Draft && db.ProductGroups.Any(g => g.Id == s.ProductGroupId && g.Slug == "laptops"));
    }
}
