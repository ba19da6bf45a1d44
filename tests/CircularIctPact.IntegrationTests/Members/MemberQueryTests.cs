using System.Globalization;
using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Members;

/// <summary>Search, filters, sort and paging of the member list, on a group of its own with 60 known members.</summary>
public sealed class MemberQueryTests(MemberQueryTests.Fixture portal) : IClassFixture<MemberQueryTests.Fixture>
{
    private static readonly string[] Countries = ["NL", "BE", "DE"];

    [Fact]
    public async Task Pages_cover_every_member_exactly_once_with_the_total_count()
    {
        var pages = new List<MemberPage>();
        for (var page = 0; page < 3; page++)
        {
            pages.Add(await ListAsync(new MemberQuery { BuyerGroupId = portal.GroupId, Page = page, PageSize = 25 }));
        }

        Assert.All(pages, p => Assert.Equal(60, p.TotalCount));
        Assert.Equal([25, 25, 10], pages.Select(p => p.Items.Count));
        var names = pages.SelectMany(p => p.Items).Select(m => m.LegalName).ToList();
        Assert.Equal(60, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Name(1), names[0]);
        Assert.Equal(Name(60), names[^1]);
    }

    [Fact]
    public async Task Sorting_by_name_descending_starts_with_the_last_name()
    {
        var page = await ListAsync(
            new MemberQuery { BuyerGroupId = portal.GroupId, SortBy = MemberSortColumn.LegalName, Descending = true, PageSize = 5 });

        Assert.Equal([Name(60), Name(59), Name(58), Name(57), Name(56)], page.Items.Select(m => m.LegalName));
    }

    [Fact]
    public async Task Sorting_by_country_and_joined_date_orders_the_whole_list_not_just_a_page()
    {
        var byCountry = await ListAsync(
            new MemberQuery { BuyerGroupId = portal.GroupId, SortBy = MemberSortColumn.Country, PageSize = 200 });
        var byJoinedDesc = await ListAsync(
            new MemberQuery { BuyerGroupId = portal.GroupId, SortBy = MemberSortColumn.JoinedOn, Descending = true, PageSize = 200 });

        Assert.Equal(byCountry.Items.Select(m => m.Country).Order(StringComparer.Ordinal), byCountry.Items.Select(m => m.Country));
        Assert.Equal(new DateOnly(2024, 1, 1).AddDays(59), byJoinedDesc.Items[0].JoinedOn);
        Assert.Equal(byJoinedDesc.Items.Select(m => m.JoinedOn).OrderDescending(), byJoinedDesc.Items.Select(m => m.JoinedOn));
    }

    [Theory]
    [InlineData(MemberSortColumn.LegalName)]
    [InlineData(MemberSortColumn.BuyerGroup)]
    [InlineData(MemberSortColumn.Sector)]
    [InlineData(MemberSortColumn.Country)]
    [InlineData(MemberSortColumn.Website)]
    [InlineData(MemberSortColumn.Contact)]
    [InlineData(MemberSortColumn.SizeBand)]
    [InlineData(MemberSortColumn.IctSpendBand)]
    [InlineData(MemberSortColumn.Tier)]
    [InlineData(MemberSortColumn.JoinedOn)]
    [InlineData(MemberSortColumn.Status)]
    public async Task Every_column_sorts_in_the_database_both_ways_and_paging_stays_stable(MemberSortColumn column)
    {
        foreach (var descending in new[] { false, true })
        {
            var first = await ListAsync(
                new MemberQuery { BuyerGroupId = portal.GroupId, SortBy = column, Descending = descending, PageSize = 30 });
            var second = await ListAsync(
                new MemberQuery { BuyerGroupId = portal.GroupId, SortBy = column, Descending = descending, PageSize = 30, Page = 1 });

            Assert.Equal(60, first.Items.Concat(second.Items).Select(m => m.Id).Distinct().Count());
        }
    }

    [Fact]
    public async Task Filters_combine_status_sector_country_and_tier()
    {
        var suspended = await ListAsync(
            new MemberQuery { BuyerGroupId = portal.GroupId, Status = MembershipStatus.Suspended, PageSize = 200 });
        var education = await ListAsync(new MemberQuery { BuyerGroupId = portal.GroupId, Sector = Sector.Education, PageSize = 200 });
        var belgian = await ListAsync(new MemberQuery { BuyerGroupId = portal.GroupId, Country = "be", PageSize = 200 });
        var leading = await ListAsync(
            new MemberQuery { BuyerGroupId = portal.GroupId, Tier = BuyerGroupTier.LeadingGroup, PageSize = 200 });
        var combined = await ListAsync(
            new MemberQuery { BuyerGroupId = portal.GroupId, Country = "BE", Tier = BuyerGroupTier.LeadingGroup, PageSize = 200 });

        Assert.Equal(Expected(i => i % 10 == 0), suspended.Items.Select(m => m.LegalName).Order(StringComparer.Ordinal));
        Assert.All(suspended.Items, m => Assert.Equal(MembershipStatus.Suspended, m.Status));
        Assert.Equal(Expected(i => i % 2 == 0), education.Items.Select(m => m.LegalName).Order(StringComparer.Ordinal));
        Assert.Equal(Expected(i => i % 3 == 1), belgian.Items.Select(m => m.LegalName).Order(StringComparer.Ordinal));
        Assert.Equal(Expected(i => i <= 15), leading.Items.Select(m => m.LegalName).Order(StringComparer.Ordinal));
        Assert.Equal(Expected(i => i <= 15 && i % 3 == 1), combined.Items.Select(m => m.LegalName).Order(StringComparer.Ordinal));
        Assert.Equal(combined.Items.Count, combined.TotalCount);
    }

    [Fact]
    public async Task Search_matches_name_website_and_contact_email_case_insensitively()
    {
        var byName = await ListAsync(new MemberQuery { BuyerGroupId = portal.GroupId, Search = "query member 04" });
        var byWebsite = await ListAsync(new MemberQuery { BuyerGroupId = portal.GroupId, Search = "SITE-033.EXAMPLE" });
        var byContact = await ListAsync(new MemberQuery { BuyerGroupId = portal.GroupId, Search = "buyer.017@" });
        var wildcard = await ListAsync(new MemberQuery { BuyerGroupId = portal.GroupId, Search = "%" });

        Assert.Equal(Expected(i => i is >= 40 and <= 49), byName.Items.Select(m => m.LegalName).Order(StringComparer.Ordinal));
        Assert.Equal([Name(33)], byWebsite.Items.Select(m => m.LegalName));
        Assert.Equal([Name(17)], byContact.Items.Select(m => m.LegalName));
        Assert.Equal("buyer.017@site-017.example.org", byContact.Items[0].Contact);
        Assert.Equal(0, wildcard.TotalCount);
    }

    [Fact]
    public async Task An_invalid_country_filter_is_refused_with_a_message()
    {
        var error = await Assert.ThrowsAsync<DomainException>(
            () => ListAsync(new MemberQuery { BuyerGroupId = portal.GroupId, Country = "Holland" }));

        Assert.Equal(CommonFields.Country, error.Field);
    }

    private static string Name(int i) => "Query member " + i.ToString("000", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Expected(Func<int, bool> predicate) =>
        Enumerable.Range(1, 60).Where(predicate).Select(Name).Order(StringComparer.Ordinal);

    private async Task<MemberPage> ListAsync(MemberQuery query)
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        return await portal.WithServiceAsync<MemberDirectory, MemberPage>(d => d.ListAsync(admin, query));
    }

    /// <summary>The portal with an extra buyer group of 60 members whose attributes follow their number.</summary>
    public sealed class Fixture : PortalFactory
    {
        public Guid GroupId { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var db = CreateDbContext();
            var signatory = await db.Signatories.FirstAsync();
            var group = new BuyerGroup(signatory.Id, "Query test group", "Query coordinator", null);
            db.BuyerGroups.Add(group);
            var leading = group.Tiers.Single(t => t.Name == BuyerGroupTier.LeadingGroup).Id;
            var peloton = group.Tiers.Single(t => t.Name == BuyerGroupTier.Peloton).Id;
            for (var i = 1; i <= 60; i++)
            {
                var number = i.ToString("000", CultureInfo.InvariantCulture);
                var member = new MemberOrganisation(
                    group.Id,
                    Name(i),
                    i % 2 == 0 ? Sector.Education : Sector.Healthcare,
                    CountryCode.Parse(Countries[i % 3]),
                    $"site-{number}.example.org",
                    i <= 15 ? leading : peloton,
                    new DateOnly(2024, 1, 1).AddDays(i - 1));
                member.AddContact(new ContactDetails(null, "Buyer " + number, $"buyer.{number}@site-{number}.example.org", null, null));
                if (i % 10 == 0)
                {
                    member.ChangeStatus(MembershipStatus.Suspended, "Test", new DateOnly(2025, 1, 1));
                }

                db.MemberOrganisations.Add(member);
            }

            await db.SaveChangesAsync();
            GroupId = group.Id;
        }
    }
}
