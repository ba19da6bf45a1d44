using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests;

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

        await Assertions.Expect(page.GetByTestId("export-csv")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("search=westhaven"));

        await members.OpenMemberAsync("Ziekenhuis Westhaven");
        await Assertions.Expect(members.LegalName).ToHaveValueAsync("Ziekenhuis Westhaven");
        await members.Website.FillAsync("not a website");
        await members.SaveAsync();
        await Assertions.Expect(page.GetByText("'not a website' is not a valid website address")).ToBeVisibleAsync();

        await members.LegalName.FillAsync("Ziekenhuis Westhaven Groep");
        await members.Website.FillAsync("www.westhaven-groep.example.nl");
        await members.SaveAsync();
        await Assertions.Expect(page.GetByText("Saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ziekenhuis Westhaven Groep");

        await members.OpenAsync();
        await members.SearchAsync("westhaven-groep");
        await Assertions.Expect(members.MemberLinks).ToHaveCountAsync(1);
        await Assertions.Expect(members.MemberLinks.First).ToHaveTextAsync("Ziekenhuis Westhaven Groep");
    }
}
