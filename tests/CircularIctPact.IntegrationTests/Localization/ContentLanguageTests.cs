using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Domain.Knowledge.Library;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.IntegrationTests.Knowledge;
using CircularIctPact.IntegrationTests.WorkingGroups;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Knowledge;
using CircularIctPact.Web.Features.WorkingGroups;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Localization;

/// <summary>
/// Texts members write are read in the reader's language where the author or a translator gave it, otherwise in the
/// original marked with the language it is written in; each carries the lang of the language shown, and search reads
/// the words in the reader's language and in the original's.
/// </summary>
public sealed class ContentLanguageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task A_Dutch_reader_gets_the_Dutch_translation_of_an_event_marked_as_Dutch()
    {
        var page = await PageAsync(null, "/events?culture=nl");

        var title = page.QuerySelectorAll("[data-testid=upcoming-events] strong[lang=nl]").Select(e => e.TextContent).ToList();
        Assert.Contains("Leersessie: repareerbaarheid in aanbestedingen voor laptops", title);
        Assert.DoesNotContain(EventDemoData.PublicSession, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Dutch_reader_gets_a_working_group_in_Dutch_and_one_without_Dutch_in_its_marked_original()
    {
        var page = await PageAsync(null, "/working-groups?culture=nl");

        var dutch = page.QuerySelectorAll("[data-testid=working-group] h2 a[lang=nl]").Select(e => e.TextContent).ToList();
        Assert.Contains("Circulaire criteria voor laptops", dutch);
        var fair = page.QuerySelectorAll("[data-testid=working-group]")
            .Single(g => g.TextContent.Contains("Fair supply chains", StringComparison.Ordinal));
        Assert.Equal("en", fair.QuerySelector("h2 a")!.GetAttribute("lang"));
        var marker = fair.QuerySelector("[data-testid=written-in]")!;
        Assert.Equal("Oorspronkelijke taal: English", marker.TextContent.Trim());
        Assert.Equal("en", marker.QuerySelector("span[lang]")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_German_reader_of_a_library_item_without_German_gets_the_original_with_the_written_in_marker()
    {
        var id = await LibraryItemIdAsync(KnowledgeDemoData.TakeBackTemplate);

        var page = await PageAsync(DemoAccounts.Procurer, $"/library/{id}?culture=de");

        var heading = page.QuerySelector("h1.page-title")!;
        Assert.Equal(KnowledgeDemoData.TakeBackTemplate, heading.QuerySelector("span[lang=en]")!.TextContent);
        Assert.Equal("Originalsprache: English", heading.QuerySelector("[data-testid=written-in]")!.TextContent.Trim());
        Assert.Equal("en", page.QuerySelector("[data-testid=library-item-description]")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_French_reader_of_the_same_item_gets_its_French_translation_without_a_marker()
    {
        var id = await LibraryItemIdAsync(KnowledgeDemoData.TakeBackTemplate);

        var page = await PageAsync(DemoAccounts.Procurer, $"/library/{id}?culture=fr");

        var heading = page.QuerySelector("h1.page-title")!;
        Assert.StartsWith("Clause contractuelle", heading.QuerySelector("span[lang=fr]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(heading.QuerySelector("[data-testid=written-in]"));
    }

    [Fact]
    public async Task Search_finds_a_library_item_by_a_word_of_its_translation_and_by_a_word_of_its_original()
    {
        var procurer = await portal.As(DemoAccounts.Procurer);

        var byTranslation = await KnowledgeTestData.ReadingIn("nl", () => SearchLibraryAsync(procurer, "terugname"));
        var byOriginal = await KnowledgeTestData.ReadingIn("nl", () => SearchLibraryAsync(procurer, "erasure"));

        var found = Assert.Single(byTranslation);
        Assert.StartsWith("Contractclausule: terugname", found.Title, StringComparison.Ordinal);
        Assert.Equal(CriteriaLanguage.Nl, found.Language);
        Assert.Equal(found.Id, Assert.Single(byOriginal).Id);
    }

    [Fact]
    public async Task Search_finds_a_Dutch_case_by_a_word_of_its_English_translation_and_shows_its_English_title()
    {
        var found = await KnowledgeTestData.ReadingIn(
            "en",
            () => portal.WithServiceAsync<GoodPracticeCases, IReadOnlyList<GoodPracticeSummary>>(
                c => c.SearchAsync(new GoodPracticeQuery("staff"), PortalFactoryExtensions.Anonymous)));

        var practice = Assert.Single(found, c => c.Title == "Refurbished smartphones as the standard for new staff");
        Assert.Equal(CriteriaLanguage.En, practice.Language);
    }

    [Fact]
    public async Task An_author_adds_a_translation_that_readers_of_that_language_get()
    {
        var chair = await portal.As(DemoAccounts.Chair);
        var description = new LibraryItemDescription(
            "Repair guide for school laptops", "How schools keep laptops running longer.", LibraryItemType.Guide, CriteriaLanguage.En,
            null, ["repair"], KnowledgeVisibility.Public);
        var id = await portal.WithServiceAsync<LibraryCatalogue, Guid>(
            l => l.AddAsync(chair, description, null, "https://example.org/repair-guide"));
        var added = await GetLibraryItemAsync(id, "en");

        var french = new Translation<LibraryItemText>(
            CriteriaLanguage.Fr,
            new LibraryItemText("Guide de réparation pour les ordinateurs des écoles", "Comment les écoles font durer."));
        await portal.WithServiceAsync<LibraryCatalogue>(
            l => l.DescribeAsync(chair, id, added.RowVersion, description with { Translations = [french] }));

        var inFrench = await GetLibraryItemAsync(id, "fr");
        Assert.Equal(french, inFrench.Shown);
        Assert.Equal([french], inFrench.Description.Translations);
        Assert.Equal(CriteriaLanguage.En, (await GetLibraryItemAsync(id, "de")).Shown.Language);
        var page = await PageAsync(null, $"/library/{id}?culture=fr");
        Assert.Equal("fr", page.QuerySelector("[data-testid=library-item-description]")!.GetAttribute("lang"));
        Assert.Contains(id, await LibraryIdsInAsync(chair, CriteriaLanguage.Fr));
        Assert.Contains(id, await LibraryIdsInAsync(chair, CriteriaLanguage.En));
        Assert.DoesNotContain(id, await LibraryIdsInAsync(chair, CriteriaLanguage.De));
    }

    [Fact]
    public async Task A_translation_into_the_original_language_or_over_someone_elses_change_is_refused()
    {
        var chair = await portal.As(DemoAccounts.Chair);
        var description = new LibraryItemDescription(
            "Spare parts checklist", "What to ask suppliers about spare parts.", LibraryItemType.Template, CriteriaLanguage.En,
            null, ["spare parts"], KnowledgeVisibility.Public);
        var id = await portal.WithServiceAsync<LibraryCatalogue, Guid>(
            l => l.AddAsync(chair, description, null, "https://example.org/spare-parts"));
        var loaded = await GetLibraryItemAsync(id, "en");

        var english = new Translation<LibraryItemText>(CriteriaLanguage.En, new LibraryItemText("Spare parts list", "Again in English."));
        var refused = await Assert.ThrowsAsync<DomainException>(() => portal.WithServiceAsync<LibraryCatalogue>(
            l => l.DescribeAsync(chair, id, loaded.RowVersion, description with { Translations = [english] })));
        Assert.Equal("Translations[en].Language", refused.Field?.Key);

        var dutch = new Translation<LibraryItemText>(
            CriteriaLanguage.Nl, new LibraryItemText("Checklist reserveonderdelen", "Wat te vragen."));
        await portal.WithServiceAsync<LibraryCatalogue>(
            l => l.DescribeAsync(chair, id, loaded.RowVersion, description with { Translations = [dutch] }));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => portal.WithServiceAsync<LibraryCatalogue>(
            l => l.DescribeAsync(chair, id, loaded.RowVersion, description)));
        Assert.Equal([dutch], (await GetLibraryItemAsync(id, "en")).Description.Translations);
    }

    [Fact]
    public async Task A_chair_translates_the_group_description_and_a_participant_may_not()
    {
        var scenario = await WorkingGroupScenario.CreateAsync(portal);
        var view = await scenario.Directory(d => d.GetAsync(scenario.GroupA, scenario.Chair));
        var german = new Translation<WorkingGroupText>(
            CriteriaLanguage.De, new WorkingGroupText("Reparierbare Geräte", "Reparatur von Laptops und Telefonen", null));

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.WithServiceAsync<WorkingGroupDescriptions>(d => d.DescribeAsync(
            scenario.Procurer, scenario.GroupA, view.Description.RowVersion, CriteriaLanguage.En, view.Topic, view.Mandate, [german])));
        await portal.WithServiceAsync<WorkingGroupDescriptions>(d => d.DescribeAsync(
            scenario.Chair, scenario.GroupA, view.Description.RowVersion, CriteriaLanguage.En, view.Topic, view.Mandate, [german]));

        var page = await PageAsync(null, $"/working-groups/{scenario.GroupA}?culture=de");
        Assert.Equal("Reparierbare Geräte", page.QuerySelector("h1.page-title span[lang=de]")!.TextContent);
        Assert.Equal("de", page.QuerySelector("p.page-lead")!.GetAttribute("lang"));
        var inEnglish = await scenario.Directory(d => d.GetAsync(scenario.GroupA, scenario.Anonymous));
        Assert.Equal(view.Name, inEnglish.Name);
    }

    [Fact]
    public async Task An_outcome_written_in_Dutch_reaches_a_French_reader_in_its_marked_original()
    {
        var scenario = await WorkingGroupScenario.CreateAsync(portal);
        var english = new Translation<OutcomeText>(CriteriaLanguage.En, new OutcomeText("Keep laptops six years", "Six years of use."));
        var id = await scenario.Workspace(w => w.CreateOutcomeAsync(scenario.Chair, scenario.GroupA, new OutcomeDraft(
            "Laptops zes jaar gebruiken", OutcomeType.Recommendation, "Zes jaar gebruik.", OutcomeVisibility.Public, null, null,
            CriteriaLanguage.Nl, [english])));
        var draft = await scenario.Directory(d => d.GetOutcomeAsync(id, scenario.Chair));
        await scenario.Workspace(w => w.PublishOutcomeAsync(scenario.Chair, id, draft.RowVersion));

        var page = await PageAsync(null, $"/working-groups/outcomes/{id}?culture=fr");

        Assert.Equal("Laptops zes jaar gebruiken", page.QuerySelector("h1.page-title span[lang=nl]")!.TextContent);
        Assert.Equal("Langue d’origine : Nederlands", page.QuerySelector("h1 [data-testid=written-in]")!.TextContent.Trim());
        var inEnglish = await PageAsync(null, $"/working-groups/outcomes/{id}?culture=en");
        Assert.Equal("Keep laptops six years", inEnglish.QuerySelector("h1.page-title span[lang=en]")!.TextContent);
        Assert.Null(inEnglish.QuerySelector("h1 [data-testid=written-in]"));
    }

    private async Task<IDocument> PageAsync(string? email, string path)
    {
        var client = await portal.ClientAsync(email);
        return await Parser.ParseDocumentAsync(await client.GetStringAsync(path));
    }

    private async Task<Guid> LibraryItemIdAsync(string title)
    {
        await using var db = portal.CreateDbContext();
        return await db.LibraryItems.Where(i => i.Title == title).Select(i => i.Id).SingleAsync();
    }

    private Task<IReadOnlyList<LibraryItemSummary>> SearchLibraryAsync(System.Security.Claims.ClaimsPrincipal user, string text) =>
        portal.WithServiceAsync<LibraryCatalogue, IReadOnlyList<LibraryItemSummary>>(
            async l => (await l.SearchAsync(new LibraryQuery(text), user)).Items);

    private async Task<IReadOnlyList<Guid>> LibraryIdsInAsync(System.Security.Claims.ClaimsPrincipal user, CriteriaLanguage language) =>
        await portal.WithServiceAsync<LibraryCatalogue, IReadOnlyList<Guid>>(
            async l => [.. (await l.SearchAsync(new LibraryQuery(Language: language), user)).Items.Select(i => i.Id)]);

    private Task<LibraryItemDetails> GetLibraryItemAsync(Guid id, string culture) =>
        KnowledgeTestData.ReadingIn(culture, () => portal.WithServiceAsync<LibraryCatalogue, LibraryItemDetails>(
            async l => await l.GetAsync(id, await portal.As(DemoAccounts.Chair))));
}
