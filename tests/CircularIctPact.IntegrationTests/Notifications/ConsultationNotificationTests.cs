using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Consultations;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Consultations;

namespace CircularIctPact.IntegrationTests.Notifications;

[Collection(FeatureNotificationsCollection.Name)]
public sealed class ConsultationNotificationTests(PortalFactory portal)
{
    [Fact]
    public async Task An_answered_comment_tells_its_author_and_never_the_person_answering()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var chair = await portal.PrincipalForAsync(DemoAccounts.Chair);
        var author =
            await portal.PersonAsync("Anouk Author", PortalRoles.Procurer, "Gemeente Heideveld", null, NotificationMailMode.Immediate);
        var muted = await portal.PersonAsync(
            "Maarten Muted",
            PortalRoles.Procurer,
            "Gemeente Heideveld",
            null,
            NotificationMailMode.Immediate,
            NotificationKind.ConsultationCommentAnswered);
        var id = await LaptopConsultationAsync(admin);
        var authorsComment = await Service(s => s.CommentAsync(id, "LAP-BAT-01", "Ask for replaceable batteries.", author));
        var mutedComment = await Service(s => s.CommentAsync(id, "LAP-BAT-01", "Ask for battery health reports.", muted));
        var chairsComment = await Service(s => s.CommentAsync(id, "LAP-BAT-01", "Note for myself.", chair));

        await Service(async s =>
            await s.RespondAsync(authorsComment, await VersionAsync(id, authorsComment, admin), CommentState.Accepted, null, admin));
        await Service(async s => await s.RespondAsync(
            mutedComment,
            await VersionAsync(id, mutedComment, admin),
            CommentState.Rejected,
            "Covered by LAP-BAT-02.",
            admin));
        await Service(async s =>
            await s.RespondAsync(chairsComment, await VersionAsync(id, chairsComment, chair), CommentState.Answered, "Done.", chair));

        var link = $"/consultations/{id}?criterion=LAP-BAT-01";
        var told = await portal.ToldAsync(author, NotificationKind.ConsultationCommentAnswered, link);
        Assert.Equal($"Your comment on LAP-BAT-01 (Laptops {ConsultationDemoData.DraftVersion}) was accepted", told.Title);
        portal.AssertMailed(author, told);
        await portal.NotToldAsync(admin, link);
        await portal.NotToldAsync(chair, link);
        await portal.NotToldAsync(muted, link);
        Assert.Empty(portal.To(FeatureNotifications.Email(muted)));
    }

    private async Task<Guid> LaptopConsultationAsync(ClaimsPrincipal admin) =>
        (await Service(s => s.ListAsync(admin)))
            .Single(c => c.ProductGroup == "Laptops" && c.Version == ConsultationDemoData.DraftVersion).Id;

    private async Task<uint> VersionAsync(Guid id, Guid commentId, ClaimsPrincipal reader) =>
        (await Service(s => s.GetAsync(id, CriteriaLanguage.En, new CommentFilter(), reader))).Criteria
            .SelectMany(c => c.Comments)
            .Single(c => c.Id == commentId)
            .RowVersion;

    private Task<T> Service<T>(Func<CriteriaConsultations, Task<T>> action) => portal.WithServiceAsync(action);

    private Task Service(Func<CriteriaConsultations, Task> action) => portal.WithServiceAsync(action);
}
