using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Tenders;

namespace CircularIctPact.IntegrationTests.Tenders;

/// <summary>A procurer's tender is refused with a message beside the field when numbers, dates, currency or award are wrong.</summary>
public sealed class TenderValidationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<DomainException> RefusedAsync(TenderForm form)
    {
        var procurer = await portal.DemoProcurerAsync();
        return await Assert.ThrowsAsync<DomainException>(() => portal.ReportAsync(procurer, form));
    }

    [Fact]
    public async Task An_empty_tender_is_refused_with_every_problem_at_once()
    {
        var procurer = await portal.DemoProcurerAsync();
        var empty = new TenderForm(
            new TenderDetails(" ", Guid.Empty, null, null, null, -1, 10m, null, false), TenderStatus.Planned, null, null, [], null, []);

        var error = await Assert.ThrowsAsync<DomainException>(() => portal.ReportAsync(procurer, empty));

        Assert.Equal(
            [
                TenderFields.Title,
                TenderFields.ProductGroup,
                TenderFields.PlannedPublicationOn,
                TenderFields.EstimatedQuantity,
                TenderFields.Currency,
            ],
            error.Violations.Select(v => v.Field!.Value));
        Assert.Equal(
            "Title is required. Choose the product group the tender buys. Planned publication date is required. "
            + "The estimated quantity cannot be negative. Give the currency of the estimated value (ISO 4217 code, e.g. EUR).",
            error.Message);
    }

    [Fact]
    public async Task Negative_estimated_quantity_is_refused()
    {
        var error = await RefusedAsync(TenderTestData.Form(await portal.LaptopsAsync(), quantity: -5));

        Assert.Equal(TenderFields.EstimatedQuantity, error.Field);
        Assert.Equal("The estimated quantity cannot be negative.", error.Message);
    }

    [Fact]
    public async Task Negative_estimated_value_is_refused()
    {
        var error = await RefusedAsync(TenderTestData.Form(await portal.LaptopsAsync(), value: -1m));

        Assert.Equal(TenderFields.EstimatedValue, error.Field);
        Assert.Equal("The estimated value cannot be negative.", error.Message);
    }

    [Fact]
    public async Task A_value_without_currency_is_refused()
    {
        var error = await RefusedAsync(TenderTestData.Form(await portal.LaptopsAsync(), currency: null));

        Assert.Equal(TenderFields.Currency, error.Field);
        Assert.Equal("Give the currency of the estimated value (ISO 4217 code, e.g. EUR).", error.Message);
    }

    [Fact]
    public async Task An_unknown_currency_code_is_refused()
    {
        var error = await RefusedAsync(TenderTestData.Form(await portal.LaptopsAsync(), currency: "EUX"));

        Assert.Equal(TenderFields.Currency, error.Field);
        Assert.Contains("not an ISO 4217 currency code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contract_that_ends_before_it_starts_is_refused()
    {
        var start = TenderTestData.Today.AddMonths(8);
        var error = await RefusedAsync(
            TenderTestData.Form(await portal.LaptopsAsync(), contractStart: start, contractEnd: start.AddDays(-1)));

        Assert.Equal(TenderFields.ContractEndOn, error.Field);
        Assert.Equal("The contract must end after it starts.", error.Message);
    }

    [Fact]
    public async Task A_contract_that_starts_before_the_planned_publication_is_refused()
    {
        var planned = TenderTestData.Today.AddMonths(6);
        var error = await RefusedAsync(
            TenderTestData.Form(await portal.LaptopsAsync(), planned: planned, contractStart: planned.AddDays(-10)));

        Assert.Equal(TenderFields.ContractStartOn, error.Field);
        Assert.Equal("The contract cannot start before the planned publication date.", error.Message);
    }

    [Fact]
    public async Task A_publication_date_in_the_future_is_refused()
    {
        var form = TenderTestData.Form(await portal.LaptopsAsync()) with
        {
            Status = TenderStatus.Published,
            ActualPublicationOn = TenderTestData.Today.AddDays(3),
        };

        var error = await RefusedAsync(form);

        Assert.Equal(TenderFields.ActualPublicationOn, error.Field);
        Assert.StartsWith("The publication date cannot be in the future", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_awarded_tender_needs_its_award_details()
    {
        var published = TenderTestData.Today.AddMonths(-2);
        var form = TenderTestData.Form(await portal.LaptopsAsync(), planned: published) with
        {
            Status = TenderStatus.Awarded,
            ActualPublicationOn = published,
            Award = new TenderAwardDetails(TenderTestData.Today, "Groene Werkplek BV", null, 200, 900m, 5, 6m, true),
        };

        var error = await RefusedAsync(form);

        Assert.Equal(TenderFields.DeviceModels, error.Field);
        Assert.Equal("Device models is required.", error.Message);
    }

    [Fact]
    public async Task Expected_years_of_use_must_be_more_than_zero()
    {
        var published = TenderTestData.Today.AddMonths(-2);
        var form = TenderTestData.Form(await portal.LaptopsAsync(), planned: published) with
        {
            Status = TenderStatus.Awarded,
            ActualPublicationOn = published,
            Award = new TenderAwardDetails(TenderTestData.Today, "Groene Werkplek BV", "Dell Latitude 5450", 200, 900m, 5, 0m, true),
        };

        var error = await RefusedAsync(form);

        Assert.Equal(TenderFields.ExpectedYearsOfUse, error.Field);
        Assert.Equal("Expected years of use must be more than 0.", error.Message);
    }

    [Fact]
    public async Task Lots_cannot_add_up_to_more_than_the_estimated_quantity()
    {
        var form = TenderTestData.Form(await portal.LaptopsAsync(), quantity: 100) with
        {
            Lots = [new TenderLotDetails("Standard", 80), new TenderLotDetails("Refurbished", 40)],
        };

        var error = await RefusedAsync(form);

        Assert.Equal(TenderFields.Lots, error.Field);
        Assert.Equal("The lots add up to 120 devices, more than the estimated quantity of 100.", error.Message);
    }

    [Fact]
    public async Task A_complete_awarded_tender_is_saved_with_its_award_and_audited()
    {
        var procurer = await portal.DemoProcurerAsync();
        var published = TenderTestData.Today.AddMonths(-3);
        var form = TenderTestData.Form(
            await portal.LaptopsAsync(),
            title: "Awarded laptops " + Guid.NewGuid().ToString("N")[..6],
            planned: published) with
        {
            Status = TenderStatus.Awarded,
            ActualPublicationOn = published,
            Award = new TenderAwardDetails(
                TenderTestData.Today.AddDays(-5),
                "Groene Werkplek BV",
                "Dell Latitude 5450",
                180,
                910m,
                5,
                6m,
                true),
            Lots = [new TenderLotDetails("Standard", 150), new TenderLotDetails("Refurbished", 50)],
        };

        var id = await portal.ReportAsync(procurer, form);

        var saved = await portal.ReadAsync(procurer, id);
        Assert.Equal(TenderStatus.Awarded, saved.Status);
        Assert.Equal(180, saved.Award!.AwardedQuantity);
        Assert.Equal(2, saved.Lots.Count);
        await using var db = portal.CreateDbContext();
        Assert.Contains(db.AuditEntries, e => e.EntityId == id && e.Action == "Created");
    }

    [Fact]
    public async Task A_save_over_an_outdated_version_is_refused_as_a_conflict()
    {
        var procurer = await portal.DemoProcurerAsync();
        var id = await portal.ReportAsync(
            procurer,
            TenderTestData.Form(await portal.LaptopsAsync(), title: "Concurrent " + Guid.NewGuid().ToString("N")[..6]));
        var loaded = await portal.ReadAsync(procurer, id);
        await portal.WithServiceAsync<TenderEditor, uint>(e => e.UpdateAsync(
            procurer,
            id,
            loaded.Version,
            loaded.ToForm() with { Details = loaded.ToForm().Details with { EstimatedQuantity = 300 } }));

        await Assert.ThrowsAsync<Web.Features.Common.ConcurrencyConflictException>(() =>
            portal.WithServiceAsync<TenderEditor, uint>(e => e.UpdateAsync(
                procurer,
                id,
                loaded.Version,
                loaded.ToForm() with { Details = loaded.ToForm().Details with { EstimatedQuantity = 50 } })));

        Assert.Equal(300, (await portal.ReadAsync(procurer, id)).EstimatedQuantity);
    }
}
