using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Discussions;

namespace CircularIctPact.IntegrationTests.Discussions;

public sealed class DiscussionVisibilityTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Anonymous_visitors_get_no_space_thread_or_search_result()
    {
        var anonymous = PortalFactoryExtensions.Anonymous;
        var battery = await portal.ThreadIdAsync(DiscussionsDemoData.BatteryThread);

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.Board(b => b.SpacesAsync(anonymous)));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.Board(b => b.SpaceAsync(anonymous, "pact")));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.Board(b => b.ThreadAsync(anonymous, battery)));
        Assert.Empty(await portal.Board(b => b.SearchAsync(anonymous, "battery")));

        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync($"/discussions/threads/{battery}");
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Procurer_sees_the_pact_and_their_own_buyer_group_but_not_working_groups_they_are_not_in()
    {
        var procurer = await portal.ProcurerOfAsync("Sanne de Wit", "Hogeschool Lage Landen");
        var spaces = await portal.Board(b => b.SpacesAsync(procurer));

        Assert.Equal(["pact", await portal.DutchSpaceAsync()], spaces.Select(s => s.Key));
        var pact = spaces[0];
        Assert.Equal(2, pact.ThreadCount);
        Assert.Equal(DiscussionsDemoData.LabelThread, pact.LatestThreadTitle);
        var workingGroup = await portal.LaptopWorkingGroupSpaceAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => portal.Board(b => b.SpaceAsync(procurer, workingGroup)));
    }

    [Fact]
    public async Task Stakeholder_never_sees_buyer_group_or_pact_wide_spaces_only_their_working_group()
    {
        var stakeholder = await portal.StakeholderAsync();
        var dutch = await portal.DutchSpaceAsync();
        var workingGroup = await portal.LaptopWorkingGroupSpaceAsync();
        var refurbished = await portal.ThreadIdAsync(DiscussionsDemoData.RefurbishedThread);

        var spaces = await portal.Board(b => b.SpacesAsync(stakeholder));

        Assert.Equal([workingGroup], spaces.Select(s => s.Key));
        await Assert.ThrowsAsync<NotFoundException>(() => portal.Board(b => b.SpaceAsync(stakeholder, dutch)));
        await Assert.ThrowsAsync<NotFoundException>(() => portal.Board(b => b.SpaceAsync(stakeholder, "pact")));
        await Assert.ThrowsAsync<NotFoundException>(() => portal.Board(b => b.ThreadAsync(stakeholder, refurbished)));
        await Assert.ThrowsAsync<NotFoundException>(() => portal.Board(b => b.ReplyAsync(stakeholder, refurbished, "Can I join in?")));
        await Assert.ThrowsAsync<NotFoundException>(
            () => portal.Board(b => b.StartThreadAsync(stakeholder, dutch, "Pricing", "What did you pay?", null)));
    }

    [Fact]
    public async Task Member_of_another_buyer_group_cannot_open_the_dutch_space_or_its_threads()
    {
        var belgian = await portal.ProcurerOfAsync("Lien Claes", "Stad Scheldeveld");
        var belgianCoordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var dutch = await portal.DutchSpaceAsync();
        var refurbished = await portal.ThreadIdAsync(DiscussionsDemoData.RefurbishedThread);

        foreach (var outsider in new[] { belgian, belgianCoordinator })
        {
            Assert.DoesNotContain(dutch, (await portal.Board(b => b.SpacesAsync(outsider))).Select(s => s.Key));
            await Assert.ThrowsAsync<NotFoundException>(() => portal.Board(b => b.SpaceAsync(outsider, dutch)));
            await Assert.ThrowsAsync<NotFoundException>(() => portal.Board(b => b.ThreadAsync(outsider, refurbished)));
            await Assert.ThrowsAsync<NotFoundException>(() => portal.Board(b => b.MentionCandidatesAsync(outsider, dutch, "J")));
        }

        var dutchCoordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var thread = await portal.Board(b => b.ThreadAsync(dutchCoordinator, refurbished));
        Assert.True(thread.CanModerate);
    }

    [Fact]
    public async Task Working_group_participants_and_chairs_see_their_group_space_and_the_chair_moderates_it()
    {
        var chair = await portal.PrincipalForAsync(DemoAccounts.Chair);
        var stakeholder = await portal.StakeholderAsync("Pieter Groen");
        var workingGroup = await portal.LaptopWorkingGroupSpaceAsync();

        var id = await portal.Board(b => b.StartThreadAsync(
            stakeholder,
            workingGroup,
            "Spare parts prices",
            "Which spare-part prices are realistic to publish?",
            ["repair"]));
        Assert.Contains(workingGroup, (await portal.Board(b => b.SpacesAsync(chair))).Select(s => s.Key));
        var asChair = await portal.Board(b => b.ThreadAsync(chair, id));
        Assert.True(asChair.CanModerate);
        Assert.False((await portal.Board(b => b.ThreadAsync(stakeholder, id))).CanModerate);

        var participatingProcurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        Assert.False((await portal.Board(b => b.ThreadAsync(participatingProcurer, id))).CanModerate);
        var outsider = await portal.ProcurerOfAsync("Sanne de Wit", "Hogeschool Lage Landen");
        await Assert.ThrowsAsync<NotFoundException>(() => portal.Board(b => b.ThreadAsync(outsider, id)));
    }

    [Fact]
    public async Task Search_only_returns_posts_from_spaces_the_caller_can_see()
    {
        var procurer = await portal.ProcurerOfAsync("Sanne de Wit", "Hogeschool Lage Landen");
        var belgianCoordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var stakeholder = await portal.StakeholderAsync("Ana Ruiz");
        var workingGroup = await portal.LaptopWorkingGroupSpaceAsync();
        await portal.Board(b => b.StartThreadAsync(
            stakeholder,
            workingGroup,
            "Guarantee for refurbished laptops",
            "Refurbishers we work with give two years.",
            null));

        var forProcurer = await portal.Board(b => b.SearchAsync(procurer, "refurbished"));
        var forBelgian = await portal.Board(b => b.SearchAsync(belgianCoordinator, "refurbished"));
        var forStakeholder = await portal.Board(b => b.SearchAsync(stakeholder, "refurbished"));

        Assert.Contains(forProcurer, h => h.ThreadTitle == DiscussionsDemoData.RefurbishedThread);
        Assert.DoesNotContain(forProcurer, h => h.ThreadTitle == "Guarantee for refurbished laptops");
        Assert.DoesNotContain(forBelgian, h => h.ThreadTitle == DiscussionsDemoData.RefurbishedThread);
        Assert.Equal(["Guarantee for refurbished laptops"], forStakeholder.Select(h => h.ThreadTitle).Distinct());
        Assert.Empty(await portal.Board(b => b.SearchAsync(stakeholder, "battery")));

        var replyHit = Assert.Single(await portal.Board(b => b.SearchAsync(procurer, "cycle count")));
        Assert.True(replyHit.InReply);
        Assert.Equal(DiscussionsDemoData.BatteryThread, replyHit.ThreadTitle);
    }

    [Fact]
    public async Task Pages_show_a_members_spaces_and_threads_and_sanitised_posts()
    {
        var client = portal.CreateClient();
        await FormSignIn.SignInAsync(client, DemoAccounts.Procurer);
        var battery = await portal.ThreadIdAsync(DiscussionsDemoData.BatteryThread);

        var home = await client.GetStringAsync("/discussions?q=battery");
        var space = await client.GetStringAsync("/discussions/pact");
        var thread = await client.GetStringAsync($"/discussions/threads/{battery}");

        Assert.Contains(DemoDataSeeder.DutchBuyerGroup, home, StringComparison.Ordinal);
        Assert.Contains("search-results", home, StringComparison.Ordinal);
        Assert.Contains(DiscussionsDemoData.LabelThread, space, StringComparison.Ordinal);
        Assert.Contains("<strong>battery replacement</strong>", thread, StringComparison.Ordinal);
        Assert.Contains("Elise Peeters", thread, StringComparison.Ordinal);
    }
}
