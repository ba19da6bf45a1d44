using CircularIctPact.Domain.Criteria;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;

namespace CircularIctPact.IntegrationTests.Criteria;

public sealed class ChangeViewTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Change_view_lists_criteria_added_changed_and_removed_between_1_0_and_2_0()
    {
        var changes = await CompareAsync("laptops", "2.0", null, CriteriaLanguage.En);

        Assert.Equal("1.0", changes.From.Version);
        Assert.Contains(changes.Added, c => c.Code == "LAP-REP-03");
        Assert.Contains(changes.Added, c => c.Code == "LAP-HAZ-03");
        Assert.Equal(["LAP-ENE-02", "LAP-HAZ-02"], changes.Removed.Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.Contains(changes.Changed, c => c.Current.Code == "LAP-REP-01");
        Assert.DoesNotContain(changes.Changed, c => changes.Added.Any(a => a.Code == c.Current.Code));
        Assert.Equal(36, changes.Added.Count + changes.Changed.Count + changes.Unchanged);
    }

    [Fact]
    public async Task Changed_text_shows_word_level_differences()
    {
        var changes = await CompareAsync("laptops", "2.0", "1.0", CriteriaLanguage.En);

        var battery = changes.Changed.Single(c => c.Current.Code == "LAP-BAT-01");
        var requirement = battery.Fields.Single(f => f.Field == "Requirement");
        Assert.Contains(requirement.Spans, s => s.Kind == DiffKind.Deleted && s.Text.Contains("300", StringComparison.Ordinal));
        Assert.Contains(requirement.Spans, s => s.Kind == DiffKind.Inserted && s.Text.Contains("500", StringComparison.Ordinal));
        var before = string.Concat(requirement.Spans.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text));
        var after = string.Concat(requirement.Spans.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text));
        Assert.Contains("after 300 full charge-discharge cycles", before, StringComparison.Ordinal);
        Assert.Contains("after 500 full charge-discharge cycles", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_view_works_in_other_languages_and_refuses_the_first_version()
    {
        var dutch = await CompareAsync("smartphones", "2.0", null, CriteriaLanguage.Nl);

        Assert.NotEmpty(dutch.Added);
        Assert.All(dutch.Added, c => Assert.Equal(CriteriaLanguage.Nl, c.Language));
        await Assert.ThrowsAsync<NotFoundException>(() => CompareAsync("smartphones", "1.0", null, CriteriaLanguage.Nl));
    }

    [Fact]
    public async Task Change_page_and_ambition_level_page_render_for_anonymous_visitors()
    {
        using var client = portal.CreateClient();

        var changes = await client.GetStringAsync("/criteria/laptops/2.0/changes?from=1.0&lang=en");
        var levels = await client.GetStringAsync("/criteria/smartphones/2.0/themes/RepairabilityAndSpareParts?lang=nl");

        Assert.Contains("<del>", changes, StringComparison.Ordinal);
        Assert.Contains("<ins>", changes, StringComparison.Ordinal);
        Assert.Contains("LAP-HAZ-02", changes, StringComparison.Ordinal);
        Assert.Contains("Frontrunner", levels, StringComparison.Ordinal);
        Assert.Contains("PHO-REP-01", levels, StringComparison.Ordinal);
        Assert.Contains("PHO-REP-02", levels, StringComparison.Ordinal);
        Assert.Contains("PHO-REP-03", levels, StringComparison.Ordinal);
        Assert.DoesNotContain("PHO-BAT", levels, StringComparison.Ordinal);
    }

    private Task<ChangesView> CompareAsync(string group, string to, string? from, CriteriaLanguage language) =>
        portal.WithServiceAsync<CriteriaChanges, ChangesView>(
            c => c.CompareAsync(group, to, from, language, PortalFactoryExtensions.Anonymous));
}
