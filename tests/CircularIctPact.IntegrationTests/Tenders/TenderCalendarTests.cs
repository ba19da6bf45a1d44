using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Tenders;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Tenders;

/// <summary>Shared planned tenders appear pact-wide for the buying side; members mark and withdraw interest; the owner sees who.</summary>
public sealed class TenderCalendarTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(Guid Shared, Guid Private, string Title)> TendersAsync()
    {
        var procurer = await portal.DemoProcurerAsync();
        var laptops = await portal.LaptopsAsync();
        var title = "Shared laptops " + Guid.NewGuid().ToString("N")[..6];
        var shared = await portal.ReportAsync(procurer, TenderTestData.Form(laptops, title: title, shared: true));
        var hidden = await portal.ReportAsync(procurer, TenderTestData.Form(laptops, title: "Private " + title, shared: false));
        return (shared, hidden, title);
    }

    /// <summary>Every entry the person sees, page by page.</summary>
    private async Task<IReadOnlyList<CalendarEntry>> CalendarAsync(System.Security.Claims.ClaimsPrincipal user, CalendarQuery? query = null)
    {
        var entries = new List<CalendarEntry>();
        for (var page = 1; ; page++)
        {
            var current = await portal.WithServiceAsync<TenderCalendar, CalendarPage>(
                c => c.ListAsync(user, (query ?? new CalendarQuery()) with { Page = page }));
            entries.AddRange(current.Entries);
            if (page >= current.PageCount)
            {
                return entries;
            }
        }
    }

    [Fact]
    public async Task The_calendar_comes_in_pages_soonest_first_and_a_page_past_the_end_shows_the_last()
    {
        var procurer = await portal.DemoProcurerAsync();
        var laptops = await portal.LaptopsAsync();
        for (var i = 0; i <= TenderCalendar.PageSize; i++)
        {
            await portal.ReportAsync(
                procurer,
                TenderTestData.Form(laptops, title: $"Paged laptops {i:00}", planned: TenderTestData.Today.AddDays(30 + i), shared: true));
        }

        var belgian = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var first = await portal.WithServiceAsync<TenderCalendar, CalendarPage>(c => c.ListAsync(belgian, new CalendarQuery()));
        var second = await portal.WithServiceAsync<TenderCalendar, CalendarPage>(c => c.ListAsync(belgian, new CalendarQuery(Page: 2)));
        var beyond = await portal.WithServiceAsync<TenderCalendar, CalendarPage>(c => c.ListAsync(belgian, new CalendarQuery(Page: 999)));

        Assert.Equal(TenderCalendar.PageSize, first.Entries.Count);
        Assert.True(first.Total > TenderCalendar.PageSize);
        Assert.Equal((first.Total + TenderCalendar.PageSize - 1) / TenderCalendar.PageSize, first.PageCount);
        Assert.Equal(first.Entries.OrderBy(e => e.PlannedPublicationOn).Select(e => e.TenderId), first.Entries.Select(e => e.TenderId));
        Assert.True(first.Entries[^1].PlannedPublicationOn <= second.Entries[0].PlannedPublicationOn);
        Assert.Empty(first.Entries.Select(e => e.TenderId).Intersect(second.Entries.Select(e => e.TenderId)));
        Assert.Equal(first.PageCount, beyond.Page);
        Assert.NotEmpty(beyond.Entries);
    }

    [Fact]
    public async Task Shared_planned_tenders_are_visible_pact_wide_and_private_ones_are_not()
    {
        var (shared, hidden, _) = await TendersAsync();
        var belgian = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var chair = await portal.PrincipalForAsync(DemoAccounts.Chair);

        foreach (var viewer in new[] { belgian, chair, await portal.ProcurerOfAsync("Stad Scheldeveld") })
        {
            var entries = await CalendarAsync(viewer);
            Assert.Contains(entries, e => e.TenderId == shared);
            Assert.DoesNotContain(entries, e => e.TenderId == hidden);
        }
    }

    [Fact]
    public async Task Calendar_filters_by_buyer_group_and_quarter()
    {
        var (shared, _, _) = await TendersAsync();
        var viewer = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var quarter = Quarters.Label(Quarters.StartOf(TenderTestData.Today.AddMonths(4)));
        var belgianGroup = await portal.WithServiceAsync<TenderDirectory, IReadOnlyList<BuyerGroupOption>>(d => d.GroupsAsync(viewer));

        Assert.Contains(await CalendarAsync(viewer, new CalendarQuery(Quarter: quarter)), e => e.TenderId == shared);
        Assert.DoesNotContain(
            await CalendarAsync(viewer, new CalendarQuery(Quarter: Quarters.Label(Quarters.StartOf(TenderTestData.Today.AddMonths(13))))),
            e => e.TenderId == shared);
        Assert.DoesNotContain(
            await CalendarAsync(viewer, new CalendarQuery(BuyerGroupId: belgianGroup.Single().Id)),
            e => e.TenderId == shared);
        await using var db = portal.CreateDbContext();
        var ownGroup = await db.Tenders.Where(t => t.Id == shared)
            .Join(db.MemberOrganisations, t => t.MemberOrganisationId, m => m.Id, (t, m) => m.BuyerGroupId)
            .SingleAsync();
        Assert.Contains(await CalendarAsync(viewer, new CalendarQuery(BuyerGroupId: ownGroup)), e => e.TenderId == shared);
    }

    [Fact]
    public async Task Calendar_offers_every_buyer_group_of_the_pact_as_a_filter_not_only_the_viewers_own()
    {
        var belgian = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        await using var db = portal.CreateDbContext();
        var pactWide = await db.BuyerGroups.OrderBy(g => g.Name).Select(g => g.Id).ToListAsync();

        var offered = await portal.WithServiceAsync<TenderCalendar, IReadOnlyList<BuyerGroupOption>>(c => c.BuyerGroupsAsync(belgian));

        Assert.True(pactWide.Count > 1);
        Assert.Equal(pactWide, offered.Select(g => g.Id));
    }

    [Fact]
    public async Task Stakeholder_and_anonymous_visitor_cannot_list_the_calendar_buyer_groups()
    {
        var stakeholder = await portal.StakeholderAsync();

        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<TenderCalendar, IReadOnlyList<BuyerGroupOption>>(c => c.BuyerGroupsAsync(stakeholder)));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.WithServiceAsync<TenderCalendar, IReadOnlyList<BuyerGroupOption>>(
            c => c.BuyerGroupsAsync(PortalFactoryExtensions.Anonymous)));
    }

    [Fact]
    public async Task Stakeholder_and_anonymous_visitor_cannot_see_the_calendar()
    {
        await TendersAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () => await CalendarAsync(await portal.StakeholderAsync()));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await CalendarAsync(PortalFactoryExtensions.Anonymous));
    }

    [Fact]
    public async Task Owner_sees_who_marked_interest_and_a_withdrawn_interest_disappears()
    {
        var (shared, _, _) = await TendersAsync();
        var owner = await portal.DemoProcurerAsync();
        var interested = await portal.ProcurerOfAsync("Universiteit Leiestad");

        await portal.WithServiceAsync<TenderCalendar>(
            c => c.ExpressInterestAsync(interested, shared, TenderInterestKind.Join, "We buy 120 laptops in the same quarter."));

        var seen = (await portal.ReadAsync(owner, shared)).Interests.Single();
        Assert.Equal("Universiteit Leiestad", seen.Organisation);
        Assert.Equal("Procurer of Universiteit Leiestad", seen.Person);
        Assert.Equal(TenderInterestKind.Join, seen.Kind);
        Assert.Equal(TenderInterestKind.Join, (await CalendarAsync(interested)).Single(e => e.TenderId == shared).MyInterest);

        await portal.WithServiceAsync<TenderCalendar>(c => c.WithdrawInterestAsync(interested, shared));

        Assert.Empty((await portal.ReadAsync(owner, shared)).Interests);
    }

    [Fact]
    public async Task Interest_in_an_own_or_unshared_tender_is_refused()
    {
        var (shared, hidden, _) = await TendersAsync();
        var owner = await portal.DemoProcurerAsync();
        var other = await portal.ProcurerOfAsync("Universiteit Leiestad");

        var own = await Assert.ThrowsAsync<DomainException>(() => portal.WithServiceAsync<TenderCalendar>(
            c => c.ExpressInterestAsync(owner, shared, TenderInterestKind.AlignTiming, null)));
        Assert.Equal("This is your own organisation's tender.", own.Message);
        await Assert.ThrowsAsync<NotFoundException>(
            () => portal.WithServiceAsync<TenderCalendar>(c => c.ExpressInterestAsync(other, hidden, TenderInterestKind.Join, null)));
        var stakeholder = await portal.StakeholderAsync();
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<TenderCalendar>(c => c.ExpressInterestAsync(stakeholder, shared, TenderInterestKind.Join, null)));
    }
}
