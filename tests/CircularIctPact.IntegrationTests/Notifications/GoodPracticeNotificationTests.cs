using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.IntegrationTests.Knowledge;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Notifications;

[Collection(FeatureNotificationsCollection.Name)]
public sealed class GoodPracticeNotificationTests(PortalFactory portal)
{
    [Fact]
    public async Task A_submitted_case_tells_the_groups_coordinators_and_the_secretariat_and_the_decision_tells_its_author()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var dutch = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var belgian = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var reviewer = await CoordinatorAsync("Carla Coordinator", NotificationMailMode.Immediate);
        var mutedReviewer = await CoordinatorAsync("Mees Muted", NotificationMailMode.Immediate, NotificationKind.GoodPracticeSubmitted);
        var author = await portal.PersonAsync(
            "Anna Author",
            PortalRoles.Procurer,
            DemoDataSeeder.ProcurerOrganisation,
            null,
            NotificationMailMode.Immediate);
        var id = await DraftAsync(author, "Repair café for office phones");
        var link = $"/good-practices/{id}";

        await Cases(async c => await c.SubmitAsync(author, id, await VersionAsync(id, author)));

        var submitted = await portal.ToldAsync(reviewer, NotificationKind.GoodPracticeSubmitted, link);
        Assert.Equal("Anna Author submitted “Repair café for office phones” for review", submitted.Title);
        portal.AssertMailed(reviewer, submitted);
        await portal.ToldAsync(dutch, NotificationKind.GoodPracticeSubmitted, link);
        await portal.ToldAsync(admin, NotificationKind.GoodPracticeSubmitted, link);
        await portal.NotToldAsync(belgian, link);
        await portal.NotToldAsync(mutedReviewer, link);
        await portal.NotToldAsync(author, link);

        await Cases(async c => await c.SendBackAsync(dutch, id, await VersionAsync(id, author), "Please add what the repairs cost."));
        var sentBack = await portal.ToldAsync(author, NotificationKind.GoodPracticeReviewed, link);
        Assert.Equal("Your case “Repair café for office phones” was sent back with comments", sentBack.Title);
        portal.AssertMailed(author, sentBack);

        await Cases(async c => await c.SubmitAsync(author, id, await VersionAsync(id, author)));
        await Cases(async c => await c.ApproveAsync(reviewer, id, await VersionAsync(id, author), null));

        var decisions = (await portal.InboxAsync(author)).Where(n => n.Link == link).ToList();
        Assert.Equal(
            ["Your case “Repair café for office phones” was approved and published", sentBack.Title],
            decisions.Select(n => n.Title));
        Assert.All(decisions, n => Assert.Equal(NotificationKind.GoodPracticeReviewed, n.Kind));
        Assert.Equal(2, (await portal.InboxAsync(dutch)).Count(n => n.Link == link && n.Kind == NotificationKind.GoodPracticeSubmitted));
        await portal.NotToldAsync(mutedReviewer, link);
        Assert.Empty(portal.To(FeatureNotifications.Email(mutedReviewer)));
    }

    [Fact]
    public async Task An_author_who_turned_review_decisions_off_hears_nothing_of_the_approval()
    {
        var dutch = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var author = await portal.PersonAsync(
            "Mila Muted",
            PortalRoles.Procurer,
            DemoDataSeeder.ProcurerOrganisation,
            null,
            NotificationMailMode.Immediate,
            NotificationKind.GoodPracticeReviewed);
        var id = await DraftAsync(author, "Longer use of monitors");

        await Cases(async c => await c.SubmitAsync(author, id, await VersionAsync(id, author)));
        await Cases(async c => await c.ApproveAsync(dutch, id, await VersionAsync(id, author), "Clear."));

        await portal.NotToldAsync(author, $"/good-practices/{id}");
        Assert.Empty(portal.To(FeatureNotifications.Email(author)));
    }

    /// <summary>A new coordinator of the Dutch buyer group.</summary>
    private async Task<ClaimsPrincipal> CoordinatorAsync(string name, NotificationMailMode mailMode, params NotificationKind[] muted)
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var person = await portal.PersonAsync(name, PortalRoles.Procurer, null, null, mailMode, muted);
        var email = FeatureNotifications.Email(person);
        await using (var db = portal.CreateDbContext())
        {
            var groupId = await db.BuyerGroups.Where(g => g.Name == DemoDataSeeder.DutchBuyerGroup).Select(g => g.Id).SingleAsync();
            await portal.WithServiceAsync<BuyerGroupAdministration>(b => b.AssignCoordinatorAsync(admin, groupId, email));
        }

        return await portal.PrincipalForAsync(email);
    }

    private async Task<Guid> DraftAsync(ClaimsPrincipal author, string title) =>
        await portal.WithServiceAsync<GoodPracticeCases, Guid>(
            async c => await c.CreateAsync(author, await portal.RivierstadIdAsync(), KnowledgeTestData.Content(title)));

    private async Task<uint> VersionAsync(Guid id, ClaimsPrincipal reader) =>
        (await portal.WithServiceAsync<GoodPracticeCases, GoodPracticeDetails>(c => c.GetAsync(id, reader))).RowVersion;


    private Task Cases(Func<GoodPracticeCases, Task> action) => portal.WithServiceAsync(action);
}
