using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Tenders;

namespace CircularIctPact.Domain.Tests.Tenders;

public sealed class TenderTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static TenderDetails Details(DateOnly? planned = null) =>
        new("Laptops 2027", Guid.NewGuid(), planned ?? Today.AddMonths(3), null, null, 100, 95_000m, "eur", true);

    private static Tender NewTender(DateOnly? planned = null) => new(Guid.NewGuid(), Details(planned), Guid.NewGuid(), Now);

    private static TenderAwardDetails Award() => new(Today.AddDays(-1), "Groene Werkplek BV", "Dell Latitude 5450", 100, 900m, 5, 6m, true);

    [Fact]
    public void Currency_is_stored_as_its_upper_case_ISO_code() => Assert.Equal("EUR", NewTender().Currency);

    [Fact]
    public void A_planned_tender_cannot_be_awarded_before_it_is_published()
    {
        var tender = NewTender();

        var error = Assert.Throws<DomainException>(() => tender.RecordAward(Award(), Today, Now));

        Assert.Equal("Publish the tender before recording its award.", error.Message);
    }

    [Fact]
    public void Planned_moves_to_published_and_then_awarded_in_one_step()
    {
        var tender = NewTender(Today.AddMonths(-2));

        tender.MoveTo(TenderStatus.Awarded, Today.AddMonths(-1), Award(), Today, Now);

        Assert.Equal(TenderStatus.Awarded, tender.Status);
        Assert.Equal(Today.AddMonths(-1), tender.ActualPublicationOn);
        Assert.Equal(100, tender.Award!.AwardedQuantity);
    }

    [Fact]
    public void An_awarded_tender_can_neither_be_cancelled_nor_go_back_to_planned()
    {
        var tender = NewTender(Today.AddMonths(-2));
        tender.MoveTo(TenderStatus.Awarded, Today.AddMonths(-1), Award(), Today, Now);

        Assert.Equal("An awarded tender cannot be cancelled.", Assert.Throws<DomainException>(() => tender.Cancel(Now)).Message);
        Assert.Equal(
            TenderFields.Status,
            Assert.Throws<DomainException>(() => tender.MoveTo(TenderStatus.Planned, null, null, Today, Now)).Field);
        Assert.Equal([TenderStatus.Awarded], Tender.AllowedStatuses(TenderStatus.Awarded));
    }

    [Fact]
    public void A_cancelled_tender_cannot_be_published()
    {
        var tender = NewTender();
        tender.Cancel(Now);

        var error = Assert.Throws<DomainException>(() => tender.Publish(Today, Today, Now));

        Assert.Equal("This tender is cancelled; it cannot be published again.", error.Message);
    }

    [Fact]
    public void Only_planned_shared_tenders_take_interest_and_never_from_the_owner()
    {
        var tender = NewTender();
        var interest = tender.ExpressInterest(
            Guid.NewGuid(), Guid.NewGuid(), TenderInterestKind.AlignTiming, "  Same quarter for us  ", Now);

        Assert.Equal("Same quarter for us", interest.Note);
        Assert.Throws<DomainException>(() => tender.ExpressInterest(
            tender.MemberOrganisationId, Guid.NewGuid(), TenderInterestKind.Join, null, Now));
        tender.Cancel(Now);
        Assert.Throws<DomainException>(() => tender.ExpressInterest(Guid.NewGuid(), Guid.NewGuid(), TenderInterestKind.Join, null, Now));
    }

    [Fact]
    public void Demand_date_is_the_contract_start_else_the_publication_date()
    {
        var tender = NewTender(Today.AddMonths(2));
        Assert.Equal(Today.AddMonths(2), tender.DemandDate);

        tender.Describe(
            Details(Today.AddMonths(2)) with { ProductGroupId = tender.ProductGroupId, ContractStartOn = Today.AddMonths(7) }, Now);

        Assert.Equal(Today.AddMonths(7), tender.DemandDate);
    }
}
