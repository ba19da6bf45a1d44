using CircularIctPact.Domain.Members;
using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Members;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Members;

public sealed class MemberManagementJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Dutch_coordinator_searches_the_member_grid_and_edits_a_member()
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.CoordinatorNetherlands);
        var members = new MembersPage(page);

        await members.OpenAsync();
        await Assertions.Expect(members.MemberLinks.GetByText("Stad Scheldeveld")).ToHaveCountAsync(0);
        await members.SearchAsync("westhaven");
        await Assertions.Expect(members.MemberLinks).ToHaveCountAsync(1);
        await Assertions.Expect(members.MemberLinks.First).ToHaveTextAsync("Ziekenhuis Westhaven");

        await Assertions.Expect(page.GetByTestId("export-csv"))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("search=westhaven"));

        await members.OpenMemberAsync("Ziekenhuis Westhaven");
        await Assertions.Expect(members.LegalName).ToHaveValueAsync("Ziekenhuis Westhaven");
        await members.Website.FillAsync("not a website");
        await members.SaveAsync();
        const string refusedWebsite = "'not a website' is not a valid website address";
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("error-summary-link")).ToContainTextAsync(refusedWebsite);
        await Assertions.Expect(page.GetByTestId("member-form").GetByText(refusedWebsite)).ToBeVisibleAsync();

        await members.LegalName.FillAsync("Ziekenhuis Westhaven Groep");
        await members.Website.FillAsync("www.westhaven-groep.example.nl");
        await members.SaveAsync();
        await Assertions.Expect(page.GetByShownText("Saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ziekenhuis Westhaven Groep");

        await members.OpenAsync();
        await members.SearchAsync("westhaven-groep");
        await Assertions.Expect(members.MemberLinks).ToHaveCountAsync(1);
        await Assertions.Expect(members.MemberLinks.First).ToHaveTextAsync("Ziekenhuis Westhaven Groep");
    }

    [Fact]
    public async Task Coordinator_sorts_the_member_grid_by_its_column_headers_and_chooses_the_rows_per_page()
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.CoordinatorNetherlands);
        var members = new MembersPage(page);
        await members.OpenAsync();
        var firstByName = await members.MemberLinks.First.TextContentAsync() ?? string.Empty;
        await Assertions.Expect(members.SortedHeader).ToHaveCountAsync(0);

        await members.SortButton("Legal name").ClickAsync();
        await Assertions.Expect(members.SortedHeader).ToHaveAttributeAsync("aria-sort", "ascending");
        await members.SortButton("Legal name").ClickAsync();
        await Assertions.Expect(members.SortedHeader).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(members.MemberLinks.Last).ToHaveTextAsync(firstByName);
        await Assertions.Expect(members.MemberLinks.First).Not.ToHaveTextAsync(firstByName);
        await Assertions.Expect(page.GetByTestId("export-csv"))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("desc=true"));
        await members.SortButton("Legal name").ClickAsync();
        await Assertions.Expect(members.SortedHeader).ToHaveCountAsync(0);
        await Assertions.Expect(members.MemberLinks.First).ToHaveTextAsync(firstByName);

        await members.RowsPerPage.SelectOptionAsync("10");
        await Assertions.Expect(members.PagerCaption).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1–10 of \\d+$"));
        await Assertions.Expect(members.MemberLinks).ToHaveCountAsync(10);
        await Assertions.Expect(members.PagerButton("First page")).ToBeDisabledAsync();
        await Assertions.Expect(members.PagerButton("Previous page")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task Second_person_saving_a_member_sees_the_other_persons_values_and_nothing_of_theirs_is_saved()
    {
        var page = await portal.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(DemoAccounts.CoordinatorNetherlands);
        var members = new MembersPage(page);
        await members.OpenAsync();
        await members.SearchAsync("Veenland");
        await Assertions.Expect(members.MemberLinks).ToHaveCountAsync(1);
        await members.OpenMemberAsync("Waterschap Veenland");

        // Meanwhile the secretariat renames the organisation.
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var id = Guid.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await portal.WithServiceAsync<MemberDirectory>(async directory =>
        {
            var current = await directory.GetAsync(admin, id);
            await portal.WithServiceAsync<MemberEditor, uint>(editor => editor.UpdateAsync(admin, id, current.Version, new MemberForm(
                "Waterschap Veenland en Delta",
                current.Sector,
                current.Country,
                current.Website,
                current.SizeBand,
                current.IctSpendBand,
                current.TierId,
                current.JoinedOn,
                [.. current.Contacts.Select(c => new ContactDetails(c.Id, c.Name, c.Email, c.Phone, c.Function))])));
        });

        await members.LegalName.FillAsync("Waterschap Veenland (coordinator)");
        await members.SaveAsync();

        await Assertions.Expect(members.Conflict).ToContainTextAsync("Someone else saved this record");
        await Assertions.Expect(members.Conflict).ToContainTextAsync("Waterschap Veenland en Delta");
        var saved = await portal.WithServiceAsync<MemberDirectory, MemberDetails>(directory => directory.GetAsync(admin, id));
        Assert.Equal("Waterschap Veenland en Delta", saved.LegalName);
    }
}
