using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.IntegrationTests.Members;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Tenders;

namespace CircularIctPact.IntegrationTests.Tenders;

/// <summary>Procurers see and change only their own organisation's tenders; coordinators only their groups'; stakeholders none.</summary>
public sealed class TenderAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<Guid> DutchTenderAsync()
    {
        var procurer = await portal.DemoProcurerAsync();
        return await portal.ReportAsync(
            procurer,
            TenderTestData.Form(await portal.LaptopsAsync(), title: "Rivierstad laptops " + Guid.NewGuid().ToString("N")[..6]));
    }

    [Fact]
    public async Task Procurer_cannot_read_or_edit_a_tender_of_another_organisation()
    {
        var tender = await DutchTenderAsync();
        var otherProcurer = await portal.ProcurerOfAsync("Hogeschool Lage Landen");
        var details = await portal.ReadAsync(await portal.DemoProcurerAsync(), tender);

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.ReadAsync(otherProcurer, tender));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.WithServiceAsync<TenderEditor, uint>(e =>
            e.UpdateAsync(
                otherProcurer,
                tender,
                details.Version,
                details.ToForm() with { Details = details.ToForm().Details with { Title = "Taken over" } })));
        var list = await portal.WithServiceAsync<TenderDirectory, IReadOnlyList<TenderRow>>(
            d => d.ListAsync(otherProcurer, new TenderQuery()));
        Assert.DoesNotContain(list, row => row.Id == tender);
        Assert.Equal(details.Title, (await portal.ReadAsync(await portal.DemoProcurerAsync(), tender)).Title);
    }

    [Fact]
    public async Task Coordinator_of_the_group_sees_the_tender_but_cannot_change_it()
    {
        var tender = await DutchTenderAsync();
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);

        var details = await portal.ReadAsync(coordinator, tender);

        Assert.False(details.CanEdit);
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<TenderEditor, uint>(e => e.UpdateAsync(coordinator, tender, details.Version, details.ToForm())));
        var dutchGroup = await portal.DutchGroupAsync();
        var csv = System.Text.Encoding.UTF8.GetString(
            await portal.WithServiceAsync<TenderExport, byte[]>(x => x.CsvAsync(coordinator, new TenderQuery(dutchGroup))));
        Assert.Contains(details.Title, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinator_of_another_group_cannot_read_edit_or_export_the_tender()
    {
        var tender = await DutchTenderAsync();
        var belgian = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var details = await portal.ReadAsync(await portal.DemoProcurerAsync(), tender);
        var dutchGroup = await portal.DutchGroupAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.ReadAsync(belgian, tender));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<TenderEditor, uint>(e => e.UpdateAsync(belgian, tender, details.Version, details.ToForm())));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<TenderExport, byte[]>(x => x.CsvAsync(belgian, new TenderQuery(dutchGroup))));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<TenderExport, byte[]>(x => x.XlsxAsync(belgian, new TenderQuery(dutchGroup))));
        var ownExport = System.Text.Encoding.UTF8.GetString(
            await portal.WithServiceAsync<TenderExport, byte[]>(x => x.CsvAsync(belgian, new TenderQuery())));
        Assert.DoesNotContain(details.Title, ownExport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stakeholder_and_anonymous_visitor_see_no_tenders()
    {
        var tender = await DutchTenderAsync();
        foreach (var outsider in new[] { await portal.StakeholderAsync(), PortalFactoryExtensions.Anonymous })
        {
            await Assert.ThrowsAsync<ForbiddenException>(
                () => portal.WithServiceAsync<TenderDirectory, IReadOnlyList<TenderRow>>(d => d.ListAsync(outsider, new TenderQuery())));
            await Assert.ThrowsAsync<ForbiddenException>(() => portal.ReadAsync(outsider, tender));
            await Assert.ThrowsAsync<ForbiddenException>(
                () => portal.WithServiceAsync<TenderExport, byte[]>(x => x.CsvAsync(outsider, new TenderQuery())));
            await Assert.ThrowsAsync<ForbiddenException>(() => portal.ReportAsync(outsider, TenderTestData.Form(Guid.NewGuid())));
        }
    }

    [Fact]
    public async Task Export_endpoint_answers_403_to_a_coordinator_of_another_group()
    {
        var client = portal.CreateClient();
        await FormSignIn.SignInAsync(client, DemoAccounts.CoordinatorBelgium);

        var response = await client.GetAsync($"/tenders/export.csv?group={await portal.DutchGroupAsync()}");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Secretariat_sees_every_organisation_s_tenders()
    {
        var tender = await DutchTenderAsync();
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);

        var list = await portal.WithServiceAsync<TenderDirectory, IReadOnlyList<TenderRow>>(d => d.ListAsync(admin, new TenderQuery()));

        Assert.Contains(list, row => row.Id == tender);
        Assert.Contains(list, row => row.BuyerGroup == DemoDataSeeder.BelgianBuyerGroup);
    }

    [Fact]
    public async Task The_tender_list_comes_in_pages_that_together_hold_what_the_export_holds()
    {
        var procurer = await portal.DemoProcurerAsync();
        var laptops = await portal.LaptopsAsync();
        for (var i = 0; i <= TenderDirectory.PageSize; i++)
        {
            await portal.ReportAsync(
                procurer,
                TenderTestData.Form(laptops, title: $"Listed laptops {i:00}", planned: TenderTestData.Today.AddDays(60 + i)));
        }

        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var everything = await portal.WithServiceAsync<TenderDirectory, IReadOnlyList<TenderRow>>(
            d => d.ListAsync(admin, new TenderQuery()));
        var first = await portal.WithServiceAsync<TenderDirectory, TenderPage>(d => d.PageAsync(admin, new TenderQuery(), 1));
        var paged = new List<TenderRow>(first.Rows);
        for (var page = 2; page <= first.PageCount; page++)
        {
            paged.AddRange(
                (await portal.WithServiceAsync<TenderDirectory, TenderPage>(d => d.PageAsync(admin, new TenderQuery(), page))).Rows);
        }

        Assert.Equal(TenderDirectory.PageSize, first.Rows.Count);
        Assert.Equal(everything.Count, first.Total);
        Assert.Equal(everything.Select(r => r.Id), paged.Select(r => r.Id));
    }
}
