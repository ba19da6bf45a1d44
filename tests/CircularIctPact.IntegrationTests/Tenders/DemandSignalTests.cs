using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Members;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.IntegrationTests.Members;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Demand;
using CircularIctPact.Web.Features.Tenders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Tenders;

/// <summary>Planned devices land in the quarter of the contract start, else of the publication date; scopes hold.</summary>
public sealed class DemandSignalTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Planned_devices_are_counted_per_quarter_by_contract_start_else_publication()
    {
        var productGroup = await portal.PrivateProductGroupAsync();
        var procurer = await portal.DemoProcurerAsync();
        var other = await portal.ProcurerOfAsync("Gemeente Heideveld");
        var nextQuarter = Quarters.StartOf(TenderTestData.Today).AddMonths(3);
        await portal.ReportAsync(procurer, TenderTestData.Form(productGroup, quantity: 100, planned: nextQuarter.AddDays(5)));
        await portal.ReportAsync(other, TenderTestData.Form(productGroup, quantity: 40, planned: nextQuarter.AddDays(10)));
        await portal.ReportAsync(
            procurer,
            TenderTestData.Form(productGroup, quantity: 70, planned: nextQuarter.AddDays(5), contractStart: nextQuarter.AddMonths(6)));
        await portal.ReportAsync(procurer, TenderTestData.Form(productGroup, quantity: 999, planned: nextQuarter.AddYears(3)));
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);

        var report = await portal.WithServiceAsync<DemandSignal, DemandReport>(s => s.GetAsync(coordinator, new DemandQuery()));

        var line = report.Lines.Single(l => l.ProductGroup.StartsWith("Test devices", StringComparison.Ordinal) && l.Total is 210);
        Assert.Equal(8, line.Devices.Count);
        Assert.Equal([0, 140, 0, 70, 0, 0, 0, 0], line.Devices);
        Assert.Equal(3, line.Tenders);
        Assert.Equal(2, line.Organisations);
        Assert.Contains(report.ByCountry, c => c.Country == "NL" && c.Devices == 210 && c.ProductGroup == line.ProductGroup);
    }

    [Fact]
    public async Task Coordinator_does_not_see_another_group_s_demand()
    {
        var belgian = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var dutchGroup = await portal.DutchGroupAsync();

        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<DemandSignal, DemandReport>(s => s.GetAsync(belgian, new DemandQuery(dutchGroup))));
        var own = await portal.WithServiceAsync<DemandSignal, DemandReport>(s => s.GetAsync(belgian, new DemandQuery()));
        Assert.All(own.ByCountry, c => Assert.Equal("BE", c.Country));
    }

    [Fact]
    public async Task Procurer_and_stakeholder_cannot_open_the_dashboard()
    {
        await Assert.ThrowsAsync<ForbiddenException>(async () => await portal.WithServiceAsync<DemandSignal, DemandReport>(
            async s => await s.GetAsync(await portal.DemoProcurerAsync(), new DemandQuery())));
        var stakeholder = await portal.StakeholderAsync();
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<DemandSignal, DemandReport>(s => s.GetAsync(stakeholder, new DemandQuery())));
    }

    [Fact]
    public async Task Secretariat_sees_the_seeded_demand_pact_wide_and_per_country()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);

        var report = await portal.WithServiceAsync<DemandSignal, DemandReport>(s => s.GetAsync(admin, new DemandQuery()));
        var belgium = await portal.WithServiceAsync<DemandSignal, DemandReport>(s => s.GetAsync(admin, new DemandQuery(Country: "BE")));

        Assert.Contains(report.Lines, l => l.ProductGroup == "Laptops" && l.Organisations >= 10);
        Assert.Contains("NL", report.Countries);
        Assert.Contains("BE", report.Countries);
        Assert.All(belgium.ByCountry, c => Assert.Equal("BE", c.Country));
        Assert.NotEmpty(report.ByLevel);
        var csv = System.Text.Encoding.UTF8.GetString(
            await portal.WithServiceAsync<DemandSignal, byte[]>(s => s.CsvAsync(admin, new DemandQuery())));
        Assert.Contains("Devices per quarter,Laptops", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demand_figures_count_devices_organisations_and_tenders_per_cell_as_worked_out_by_hand()
    {
        await using var db = portal.CreateDbContext();
        var signatory = await db.Signatories.Where(s => s.CountryCode != null).Select(s => new { s.Id, s.CountryCode }).FirstAsync();
        var country = signatory.CountryCode!.Value;
        var group =
            new BuyerGroup(signatory.Id, "Demand test group " + Guid.NewGuid().ToString("N")[..6], "Demand test coordinating body", null);
        MemberOrganisation Member(string name) => new(
            group.Id,
            $"Demand test {name}",
            Sector.Education,
            CountryCode.Parse(country),
            null,
            null,
            new DateOnly(2024, 1, 1));
        var (a, b, c) = (Member("A"), Member("B"), Member("C"));
        var laptops = await db.CriteriaSets.Include(s => s.Criteria)
            .Join(db.ProductGroups.Where(p => p.Slug == "laptops"), s => s.ProductGroupId, p => p.Id, (s, p) => s)
            .Where(s => s.Status == CriteriaSetStatus.Published)
            .FirstAsync();
        var core = laptops.Criteria.Where(x => x.AmbitionLevel == AmbitionLevel.Core).Take(2).Select(x => x.Id).ToList();
        var comprehensive = laptops.Criteria.First(x => x.AmbitionLevel == AmbitionLevel.Comprehensive).Id;
        var author = await db.Users.Select(u => u.Id).FirstAsync();
        var at = DateTimeOffset.UtcNow;
        var first = Quarters.StartOf(TenderTestData.Today);
        Tender Planned(MemberOrganisation member, int quarter, int devices, IEnumerable<Guid> criteria, DateOnly? contractStart = null)
        {
            var tender = new Tender(
                member.Id,
                new TenderDetails($"Demand test {devices}", laptops.ProductGroupId, first.AddMonths(3 * quarter)
                    .AddDays(20), contractStart, null, devices, null, null, false),
                author,
                at);
            tender.ApplyCriteria(laptops, criteria, at);
            return tender;
        }

        var cancelled = Planned(b, 2, 999, []);
        cancelled.Cancel(at);
        db.BuyerGroups.Add(group);
        db.MemberOrganisations.AddRange(a, b, c);
        db.Tenders.AddRange(
            Planned(a, 1, 100, [.. core, comprehensive]),
            Planned(a, 2, 50, [core[0]]),
            Planned(b, 2, 30, []),
            Planned(a, 3, 5, []),
            Planned(c, 3, 20, [comprehensive]),
            Planned(c, 3, 10, [], contractStart: first.AddMonths(12).AddDays(3)),
            Planned(b, 9, 999, []),
            cancelled);
        await db.SaveChangesAsync();
        portal.TendersInsertedDirectly();

        var figures = await DemandFigures.LoadAsync(db, [group.Id], null, first, withCriteria: true, CancellationToken.None);

        // Quarters 1–4: A 100 | A 50 + B 30 | A 5 + C 20 | C 10 (the contract start moves it from quarter 3 to 4).
        // The cancelled tender and the one beyond the eight quarters are left out.
        var laptopsDemand = Assert.Single(figures.ProductGroups);
        Assert.Equal(new DemandCell(215, 3, 6), figures.All);
        Assert.Equal(new DemandCell(215, 3, 6), laptopsDemand.Total);
        Assert.Equal(
            [DemandCell.Empty, new(
                100,
                1,
                1), new(80, 2, 2), new(25, 2, 2), new(10, 1, 1), DemandCell.Empty, DemandCell.Empty, DemandCell.Empty],
            laptopsDemand.Quarters);
        // Quarters 3 and 4 together come from A, B and C: A, in both, counts once.
        Assert.Equal([new(100, 1, 1), new(105, 3, 4), new(10, 1, 1), DemandCell.Empty], laptopsDemand.HalfYears);
        Assert.Equal(new DemandCell(215, 3, 6), Assert.Single(laptopsDemand.Countries, x => x.Key == country).Value);
        // The 100 devices apply two core criteria and one comprehensive one: they count once under each level.
        Assert.Equal(new DemandCell(150, 1, 2), laptopsDemand.Levels[AmbitionLevel.Core]);
        Assert.Equal(new DemandCell(120, 2, 2), laptopsDemand.Levels[AmbitionLevel.Comprehensive]);
        Assert.False(laptopsDemand.Levels.ContainsKey(AmbitionLevel.Frontrunner));
        Assert.Equal(150, laptopsDemand.Criteria[core[0]]);
        Assert.Equal(100, laptopsDemand.Criteria[core[1]]);
        Assert.Equal(120, laptopsDemand.Criteria[comprehensive]);
        Assert.Equal(3, laptopsDemand.Criteria.Count);

        var elsewhere = await DemandFigures.LoadAsync(db, [group.Id], "zz", first, withCriteria: false, CancellationToken.None);
        var lowerCase =
            await DemandFigures.LoadAsync(db, [group.Id], country.ToLowerInvariant(), first, withCriteria: false, CancellationToken.None);
        Assert.Empty(elsewhere.ProductGroups);
        Assert.Equal([country], elsewhere.Countries);
        Assert.Equal(new DemandCell(215, 3, 6), lowerCase.All);
        Assert.Empty(Assert.Single(lowerCase.ProductGroups).Criteria);
    }

    [Fact]
    public async Task Pact_wide_demand_is_read_again_as_soon_as_a_tender_is_saved()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var procurer = await portal.DemoProcurerAsync();
        var productGroup = await portal.PrivateProductGroupAsync();
        var before = await portal.WithServiceAsync<DemandSignal, DemandReport>(s => s.GetAsync(admin, new DemandQuery()));

        await portal.ReportAsync(
            procurer,
            TenderTestData.Form(productGroup, quantity: 60, planned: Quarters.StartOf(TenderTestData.Today).AddMonths(3).AddDays(5)));
        var after = await portal.WithServiceAsync<DemandSignal, DemandReport>(s => s.GetAsync(admin, new DemandQuery()));

        Assert.NotNull(before.ReadAt);
        Assert.Equal(before.Lines.Sum(l => l.Total) + 60, after.Lines.Sum(l => l.Total));
        Assert.Equal(before.Lines.Count + 1, after.Lines.Count);
    }

    [Fact]
    public async Task Pact_wide_demand_read_in_the_last_minute_is_summed_again_without_reading_the_tenders()
    {
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        var pactWide =
            new PactWideDemand(portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), new TenderSaves(), clock);
        var first = Quarters.StartOf(TenderTestData.Today);
        var read = await pactWide.LoadAsync(first, null, withCriteria: false, CancellationToken.None);

        // Saved through the portal's own editor: this separate instance is not told, as another portal instance would not be.
        await portal.ReportAsync(
            await portal.DemoProcurerAsync(),
            TenderTestData.Form(await portal.PrivateProductGroupAsync(), quantity: 45, planned: first.AddMonths(3).AddDays(5)));
        clock.Now += TenderSaves.MaximumAge - TimeSpan.FromSeconds(1);
        var kept = await pactWide.LoadAsync(first, null, withCriteria: false, CancellationToken.None);
        clock.Now += TimeSpan.FromSeconds(2);
        var readAgain = await pactWide.LoadAsync(first, null, withCriteria: false, CancellationToken.None);

        Assert.Equal(read.All, kept.All);
        Assert.Equal(read.ReadAt, kept.ReadAt);
        Assert.Equal(read.All.Devices + 45, readAgain.All.Devices);
        Assert.Equal(clock.Now, readAgain.ReadAt);
    }
}
