using AngleSharp.Html.Parser;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Demand;
using CircularIctPact.Web.Features.Tenders;

namespace CircularIctPact.IntegrationTests.Tenders;

/// <summary>The public market signal never shows a figure from fewer than three organisations, not even by subtraction.</summary>
public sealed class MarketSignalTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly First = new(2027, 1, 1);
    private static readonly Guid Laptops = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Names = new() { [Laptops] = "Laptops" };
    private static readonly Guid[] Organisations = [.. Enumerable.Range(0, 8).Select(_ => Guid.NewGuid())];

    private static Planned Item(int organisation, int quarter, int devices, string country = "NL", params AmbitionLevel[] levels) =>
        new(Organisations[organisation], quarter, devices, country, levels);

    /// <summary>Sums crafted tenders per cell as the demand query does: devices, distinct organisations and tenders.</summary>
    private static DemandFigures Demand(IReadOnlyList<Planned> items)
    {
        static DemandCell Cell(IEnumerable<Planned> part)
        {
            var tenders = part.ToList();
            return new DemandCell(tenders.Sum(t => (long)t.Devices), tenders.Select(t => t.Organisation).Distinct().Count(), tenders.Count);
        }

        var laptops = new ProductGroupDemand(
            Laptops,
            Cell(items),
            [.. Enumerable.Range(0, DemandFigures.QuarterCount).Select(q => Cell(items.Where(i => i.Quarter == q)))],
            [.. Enumerable.Range(0, DemandFigures.QuarterCount / 2).Select(h => Cell(items.Where(i => i.Quarter / 2 == h)))],
            items.GroupBy(i => i.Country).ToDictionary(g => g.Key, Cell),
            Enum.GetValues<AmbitionLevel>()
                .Where(l => items.Any(i => i.Levels.Contains(l)))
                .ToDictionary(l => l, l => Cell(items.Where(i => i.Levels.Contains(l)))),
            new Dictionary<Guid, long>());
        return new DemandFigures(Cell(items), [laptops], [.. items.Select(i => i.Country).Distinct()]);
    }

    [Fact]
    public void A_quarter_dominated_by_one_organisation_is_merged_and_suppressed_when_still_too_few()
    {
        // Quarter 0: one organisation with 5,000 devices and one with 10: two organisations only.
        // Quarter 1 (its neighbour): nobody. Quarters 2 and 3: three organisations each.
        List<Planned> items =
        [
            Item(0, 0, 5000), Item(1, 0, 10),
            Item(2, 2, 100), Item(3, 2, 100), Item(4, 2, 100),
            Item(2, 3, 50), Item(3, 3, 60), Item(5, 3, 70),
        ];

        var line = MarketSignalAnonymiser.Build(First, Demand(items), Names).ByQuarter.Single();

        Assert.Equal(new SignalCell("2027-Q1 – 2027-Q2", null, 2), line.Cells[0]);
        Assert.DoesNotContain(line.Cells, cell => cell.Devices is 5000 or 5010 or 10);
        // The total would reveal the hidden 5,010 as total − 300 − 180, so the smallest other figure is hidden too.
        Assert.Null(line.Cells.Single(c => c.Label == "2027-Q4").Devices);
        Assert.Equal(300, line.Cells.Single(c => c.Label == "2027-Q3").Devices);
        Assert.Equal(5490, line.Total);
    }

    [Fact]
    public void A_quarter_with_too_few_organisations_is_shown_merged_with_its_neighbour_when_that_reaches_three()
    {
        List<Planned> items =
        [
            Item(0, 0, 400), Item(1, 0, 20),
            Item(2, 1, 30),
            Item(3, 2, 10), Item(4, 2, 10), Item(5, 2, 10),
        ];

        var line = MarketSignalAnonymiser.Build(First, Demand(items), Names).ByQuarter.Single();

        Assert.Equal(new SignalCell("2027-Q1 – 2027-Q2", 450, 2), line.Cells[0]);
        Assert.All(line.Cells, cell => Assert.NotNull(cell.Devices));
        Assert.Equal(480, line.Total);
    }

    [Fact]
    public void A_single_suppressed_country_cannot_be_derived_from_the_total()
    {
        // Four Dutch organisations and one Belgian: "Other countries" (Belgium) is hidden, and NL − total would reveal it.
        List<Planned> items =
        [
            Item(0, 0, 100), Item(1, 1, 100), Item(2, 2, 100), Item(3, 3, 100),
            Item(4, 4, 777, "BE"),
        ];

        var line = MarketSignalAnonymiser.Build(First, Demand(items), Names).ByCountry.Single();

        Assert.Null(line.Cells.Single(c => c.Label == MarketSignalAnonymiser.OtherCountries).Devices);
        Assert.True(
            line.Total is null || line.Cells.Count(c => c.Suppressed) >= 2,
            "the hidden Belgian figure could be computed as total minus the Dutch figure");
        Assert.DoesNotContain(line.Cells, c => c.Devices == 777);
    }

    [Fact]
    public void Countries_with_few_organisations_are_grouped_as_other_countries()
    {
        List<Planned> items =
        [
            Item(0, 0, 100), Item(1, 0, 100), Item(2, 0, 100),
            Item(3, 0, 40, "BE"), Item(4, 0, 50, "DE"), Item(5, 0, 60, "AT"),
        ];

        var cells = MarketSignalAnonymiser.Build(First, Demand(items), Names).ByCountry.Single().Cells;

        Assert.Equal([new SignalCell("NL", 300), new SignalCell(MarketSignalAnonymiser.OtherCountries, 150)], cells);
    }

    [Fact]
    public void Fewer_than_three_organisations_in_all_publish_nothing()
    {
        var figures = MarketSignalAnonymiser.Build(First, Demand([Item(0, 0, 10), Item(1, 1, 20)]), Names);

        Assert.Empty(figures.ByQuarter);
        Assert.Empty(figures.ByCountry);
    }

    [Fact]
    public void Ambition_levels_from_fewer_than_three_organisations_are_suppressed()
    {
        List<Planned> items =
        [
            Item(0, 0, 100, "NL", AmbitionLevel.Core, AmbitionLevel.Frontrunner),
            Item(1, 0, 100, "NL", AmbitionLevel.Core), Item(2, 0, 100, "NL", AmbitionLevel.Core),
        ];

        var cells = MarketSignalAnonymiser.Build(First, Demand(items), Names).ByAmbitionLevel.Single().Cells;

        Assert.Equal(300, cells.Single(c => c.Label == nameof(AmbitionLevel.Core)).Devices);
        Assert.Equal(0, cells.Single(c => c.Label == nameof(AmbitionLevel.Comprehensive)).Devices);
        Assert.Null(cells.Single(c => c.Label == nameof(AmbitionLevel.Frontrunner)).Devices);
    }

    [Fact]
    public async Task Secretariat_publishes_numbered_dated_editions_that_anyone_reads()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);

        var first = await portal.WithServiceAsync<MarketSignalPublisher, int>(p => p.PublishAsync(admin));
        var second = await portal.WithServiceAsync<MarketSignalPublisher, int>(p => p.PublishAsync(admin));

        Assert.Equal(first + 1, second);
        var latest = await portal.WithServiceAsync<MarketSignalPublisher, MarketSignalEdition?>(p => p.GetAsync(null));
        Assert.Equal(second, latest!.Number);
        Assert.Equal(TenderTestData.Today, latest.PublishedOn);
        Assert.NotEmpty(latest.Figures.ByQuarter);
        var client = portal.CreateClient();
        var page = await client.GetStringAsync("/market-signal");
        Assert.Contains($"Edition {second}", page, StringComparison.Ordinal);
        Assert.Contains($"market-signal?edition={first}", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "K", "Nederland", "België")]
    [InlineData("fr", "T", "Pays-Bas", "Belgique")]
    [InlineData("en", "Q", "Netherlands", "Belgium")]
    public async Task The_public_signal_names_quarters_and_countries_in_the_interface_language(
        string culture, string quarterLetter, string netherlands, string belgium)
    {
        using var page = new HtmlParser().ParseDocument(await portal.CreateClient().GetStringAsync($"/market-signal?culture={culture}"));
        var quarters = page.QuerySelectorAll("[data-testid=signal-quarters] thead th")
            .Skip(1)
            .SkipLast(1)
            .Select(th => th.TextContent)
            .ToList();
        var countries = page.QuerySelectorAll("[data-testid=signal-countries] tbody td:first-child").Select(td => td.TextContent.Trim());

        Assert.Equal(DemandFigures.QuarterCount, quarters.Count);
        Assert.All(quarters, quarter => Assert.Matches($"^{quarterLetter}[1-4] 20[0-9]{{2}}$", quarter));
        Assert.Contains(netherlands, countries);
        Assert.Contains(belgium, countries);
    }

    [Fact]
    public async Task The_demo_starts_with_a_first_edition_built_from_the_demo_tenders()
    {
        var first = await portal.WithServiceAsync<MarketSignalPublisher, MarketSignalEdition?>(p => p.GetAsync(1));

        Assert.NotNull(first);
        Assert.True(first.Figures.Organisations >= 3);
        Assert.NotEmpty(first.Figures.ByQuarter);
    }

    [Fact]
    public async Task Only_the_secretariat_previews_and_publishes()
    {
        foreach (var email in new[] { DemoAccounts.CoordinatorNetherlands, DemoAccounts.Procurer })
        {
            var caller = await portal.PrincipalForAsync(email);
            await Assert.ThrowsAsync<ForbiddenException>(
                () => portal.WithServiceAsync<MarketSignalPublisher, int>(p => p.PublishAsync(caller)));
            await Assert.ThrowsAsync<ForbiddenException>(
                () => portal.WithServiceAsync<MarketSignalPublisher, MarketSignalFigures>(p => p.PreviewAsync(caller)));
        }
    }

    private sealed record Planned(Guid Organisation, int Quarter, int Devices, string Country, AmbitionLevel[] Levels);
}
