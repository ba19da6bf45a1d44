using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.IntegrationTests.Members;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Demand;
using CircularIctPact.Web.Features.Tenders;

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
        await portal.ReportAsync(procurer, TenderTestData.Form(productGroup, quantity: 70, planned: nextQuarter.AddDays(5), contractStart: nextQuarter.AddMonths(6)));
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

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.WithServiceAsync<DemandSignal, DemandReport>(s => s.GetAsync(belgian, new DemandQuery(dutchGroup))));
        var own = await portal.WithServiceAsync<DemandSignal, DemandReport>(s => s.GetAsync(belgian, new DemandQuery()));
        Assert.All(own.ByCountry, c => Assert.Equal("BE", c.Country));
    }

    [Fact]
    public async Task Procurer_and_stakeholder_cannot_open_the_dashboard()
    {
        await Assert.ThrowsAsync<ForbiddenException>(async () => await portal.WithServiceAsync<DemandSignal, DemandReport>(async s => await s.GetAsync(await portal.DemoProcurerAsync(), new DemandQuery())));
        var stakeholder = await portal.StakeholderAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.WithServiceAsync<DemandSignal, DemandReport>(s => s.GetAsync(stakeholder, new DemandQuery())));
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
        var csv = System.Text.Encoding.UTF8.GetString(await portal.WithServiceAsync<DemandSignal, byte[]>(s => s.CsvAsync(admin, new DemandQuery())));
        Assert.Contains("devices per quarter,Laptops", csv, StringComparison.Ordinal);
    }
}
