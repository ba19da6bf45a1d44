using CircularIctPact.EndToEndTests.Pages;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.Playwright;

namespace CircularIctPact.EndToEndTests.Onboarding;

public sealed class InvitationJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Coordinator_invites_a_contact_who_sets_a_password_and_lands_in_their_organisation()
    {
        var email = $"noor.{Guid.NewGuid().ToString("N")[..8]}@rivierstad.example.nl";
        var coordinator = await portal.NewPageAsync();
        await new SignInPage(coordinator).OpenAsync();
        await new SignInPage(coordinator).SignInAsync(DemoAccounts.CoordinatorNetherlands);
        await Assertions.Expect(coordinator.GetByTestId("home-coordinator")).ToBeVisibleAsync();

        var invitations = new InvitationsPage(coordinator);
        await invitations.OpenAsync();
        await invitations.InviteProcurerAsync(
            "Noor Visser", email, $"{DemoDataSeeder.ProcurerOrganisation} ({DemoDataSeeder.DutchBuyerGroup})");

        var link = portal.InvitationLinkFor(email);
        var invitee = await portal.NewPageAsync();
        await new AcceptInvitationPage(invitee).AcceptAsync(link, "Noor Visser", "Fresh!Start2026");

        await Assertions.Expect(invitee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome, Noor Visser");
        await Assertions.Expect(invitee.GetByTestId("home-procurer")).ToContainTextAsync(DemoDataSeeder.ProcurerOrganisation);
    }
}

public sealed class ApplicationJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Visitor_applies_on_join_the_coordinator_approves_and_the_organisation_becomes_a_member()
    {
        var name = $"Hogeschool Deltastad {Guid.NewGuid().ToString("N")[..6]}";
        var visitor = await portal.NewPageAsync();
        var join = new JoinPage(visitor);
        await join.OpenAsync();
        await join.ApplyAsync(
            $"{DemoDataSeeder.DutchBuyerGroup} (Netherlands)",
            name,
            "NL",
            $"{Guid.NewGuid():N}.example.nl",
            "Sem de Graaf",
            "sem@deltastad.example.nl");
        await Assertions.Expect(join.Confirmation).ToContainTextAsync(name);

        var coordinator = await portal.NewPageAsync();
        await new SignInPage(coordinator).OpenAsync();
        await new SignInPage(coordinator).SignInAsync(DemoAccounts.CoordinatorNetherlands);
        var home = coordinator.GetByTestId("home-coordinator");
        await Assertions.Expect(home).ToBeVisibleAsync();
        var before = await ActiveMembersAsync(home);

        var applications = new ApplicationsPage(coordinator);
        await applications.OpenAsync();
        await applications.ApproveAsync(name);
        await Assertions.Expect(applications.Status).ToHaveTextAsync("Approved");

        await coordinator.GotoAsync("");
        await Assertions.Expect(home.Locator("tbody tr td").Nth(1))
            .ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEmpty(portal.To("sem@deltastad.example.nl"));
    }

    private static async Task<int> ActiveMembersAsync(ILocator home) =>
        int.Parse(await home.Locator("tbody tr td").Nth(1).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
}
