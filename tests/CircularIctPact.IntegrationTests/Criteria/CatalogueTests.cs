using System.Text.RegularExpressions;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Criteria;

public sealed class CatalogueTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Catalogue_shows_the_latest_published_version_by_default()
    {
        var view = await GetAsync(new CatalogueQuery("laptops"));

        Assert.Equal("2.0", view.Version);
        Assert.Equal(CriteriaSetStatus.Published, view.Set.Status);
        Assert.True(view.Criteria.Count >= 25);
        Assert.Equal(["2.0", "1.0"], view.Versions.Select(v => v.Version));
        Assert.Equal(Enum.GetValues<CriterionTheme>(), view.Criteria.Select(c => c.Theme).Distinct().Order());
        Assert.Equal(Enum.GetValues<AmbitionLevel>(), view.Criteria.Select(c => c.AmbitionLevel).Distinct().Order());
    }

    [Fact]
    public async Task Filters_by_theme_level_and_type_in_the_chosen_language()
    {
        var view = await GetAsync(new CatalogueQuery(
            "smartphones",
            Language: CriteriaLanguage.Nl,
            Theme: CriterionTheme.RepairabilityAndSpareParts,
            AmbitionLevel: AmbitionLevel.Comprehensive));

        Assert.NotEmpty(view.Criteria);
        Assert.All(view.Criteria, c =>
        {
            Assert.Equal(CriterionTheme.RepairabilityAndSpareParts, c.Theme);
            Assert.Equal(AmbitionLevel.Comprehensive, c.AmbitionLevel);
            Assert.Equal(CriteriaLanguage.Nl, c.Language);
            Assert.False(c.IsFallback);
        });
        Assert.Contains(
            view.Criteria,
            c => c.Code == "PHO-REP-02" && c.Content.Title.Contains("Repareerbaarheidsklasse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_translation_falls_back_to_English_with_a_marker()
    {
        var german = await GetAsync(new CatalogueQuery("laptops", Language: CriteriaLanguage.De));
        var english = await GetAsync(new CatalogueQuery("laptops"));

        var fallback = german.Criteria.Where(c => c.IsFallback).ToList();
        Assert.NotEmpty(fallback);
        Assert.Contains(german.Criteria, c => !c.IsFallback);
        Assert.All(fallback, c =>
        {
            Assert.Equal(CriteriaLanguage.En, c.Language);
            Assert.Equal(english.Criteria.Single(e => e.Code == c.Code).Content, c.Content);
        });
    }

    [Theory]
    [InlineData(CriteriaLanguage.Nl, "reparatie")]
    [InlineData(CriteriaLanguage.En, "repairing")]
    [InlineData(CriteriaLanguage.Fr, "réparations")]
    [InlineData(CriteriaLanguage.De, "Reparaturen")]
    public async Task Full_text_search_stems_in_the_chosen_language(CriteriaLanguage language, string word)
    {
        var view = await GetAsync(new CatalogueQuery("laptops", Language: language, Text: word));

        Assert.NotEmpty(view.Criteria);
        Assert.Contains(view.Criteria, c => c.Theme == CriterionTheme.RepairabilityAndSpareParts);
        var all = await GetAsync(new CatalogueQuery("laptops", Language: language));
        Assert.True(view.Criteria.Count < all.Criteria.Count);
    }

    [Fact]
    public async Task Search_for_an_unrelated_word_finds_nothing()
    {
        var view = await GetAsync(new CatalogueQuery("laptops", Language: CriteriaLanguage.Nl, Text: "giraffe"));

        Assert.Empty(view.Criteria);
    }

    [Fact]
    public async Task Unknown_product_group_or_version_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => GetAsync(new CatalogueQuery("typewriters")));
        await Assert.ThrowsAsync<NotFoundException>(() => GetAsync(new CatalogueQuery("laptops", Version: "9.0")));
    }

    [Fact]
    public async Task Criterion_page_shows_one_version_in_one_language_with_its_other_versions()
    {
        var page = await portal.WithServiceAsync<CriteriaCatalogue, CriterionPageView>(c =>
            c.GetCriterionAsync("laptops", "2.0", "LAP-REP-02", CriteriaLanguage.Nl, PortalFactoryExtensions.Anonymous));

        Assert.Equal("LAP-REP-02", page.Criterion.Code);
        Assert.StartsWith("Reparatiehandleiding", page.Criterion.Content.Title, StringComparison.Ordinal);
        Assert.Contains(CriteriaLanguage.Nl, page.TranslatedInto);
    }

    [Fact]
    public void Criterion_texts_are_joined_on_their_criterion_and_language_not_looked_up_per_row()
    {
        using var db = portal.CreateDbContext();

        var sql = CriteriaCatalogue.WithTexts(db, db.Criteria.Where(c => c.Code == CriterionCode.Parse("LAP-REP-02")), CriteriaLanguage.Nl)
            .Select(x => new { x.Criterion.Code, Title = x.Text == null ? null : x.Text.Title, SourceTitle = x.Source.Title })
            .ToQueryString();

        // Both texts come from joins of the criterion's id with the (criterion_id, language) index columns: three SELECTs
        // in all (the criteria and the two texts), none numbering rows or picking the first one per criterion.
        Assert.Matches(
            @"LEFT JOIN \(\s*SELECT [^()]*FROM criterion_texts AS \w+\s+WHERE \w+\.language = @language\s*\) AS \w+ ON c\.id = "
                + @"\w+\.criterion_id\w*\s",
            sql);
        Assert.Matches(
            @"INNER JOIN \(\s*SELECT [^()]*FROM criterion_texts AS \w+\s+WHERE \w+\.language = 'En'\s*\) AS \w+ ON c\.id = "
                + @"\w+\.criterion_id\s",
            sql);
        Assert.Equal(3, Regex.Count(sql, @"\bSELECT\b"));
        Assert.DoesNotContain("ROW_NUMBER", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("LIMIT", sql, StringComparison.Ordinal);
    }

    private Task<CatalogueView> GetAsync(CatalogueQuery query) =>
        portal.WithServiceAsync<CriteriaCatalogue, CatalogueView>(c => c.GetAsync(query, PortalFactoryExtensions.Anonymous));
}
