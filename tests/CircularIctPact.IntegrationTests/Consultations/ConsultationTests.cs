using System.Net;
using System.Security.Claims;
using System.Text;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Consultations;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Consultations;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Consultations;

/// <summary>
/// Consultations on draft criteria. The seeded laptops 2.1 consultation is open; tests that change states work on
/// product groups of their own, so they never disturb each other in the shared database.
/// </summary>
public sealed class ConsultationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly CriterionClassification Repair = new(
        CriterionTheme.RepairabilityAndSpareParts,
        AmbitionLevel.Core,
        CriterionType.TechnicalSpecification,
        PactStrategy.UseLonger,
        null);

    [Fact]
    public async Task Procurer_comments_on_a_criterion_of_the_seeded_open_draft_and_sees_it_with_their_name()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var id = await SeededConsultationAsync(procurer);

        await Service(s => s.CommentAsync(id, "LAP-BAT-01", "Please allow two years for buyers to adapt to the battery rule.", procurer));

        var view = await Service(s => s.GetAsync(id, CriteriaLanguage.En, new CommentFilter(), procurer));
        Assert.Equal(ConsultationPhase.Open, view.Phase);
        Assert.True(view.CanComment);
        Assert.False(view.CanAnswer);
        var mine = Assert.Single(view.Criteria.Single(c => c.Code == "LAP-BAT-01").Comments, c => c.IsMine);
        Assert.Equal("Fatima El Amrani", mine.Author);
        Assert.Equal(DemoDataSeeder.ProcurerOrganisation, mine.AuthorOrganisation);
        Assert.Equal(CommentState.Open, mine.State);
        Assert.Contains(view.Criteria.Single(c => c.Code == "LAP-LIF-01").Comments, c => c.Author == "Joost Bakker" && !c.IsMine);
    }

    [Fact]
    public async Task Anonymous_visitors_see_and_write_nothing()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var id = await SeededConsultationAsync(procurer);

        await Assert.ThrowsAsync<ForbiddenException>(() => Service(s => s.ListAsync(PortalFactoryExtensions.Anonymous)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => Service(s => s.GetAsync(id, CriteriaLanguage.En, new CommentFilter(), PortalFactoryExtensions.Anonymous)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => Service(s => s.CommentAsync(id, "LAP-LIF-01", "Hello", PortalFactoryExtensions.Anonymous)));

        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetAsync(new Uri($"/consultations/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stakeholder_taking_part_in_a_working_group_comments_but_cannot_answer()
    {
        var stakeholder = await StakeholderAsync("ngo.person@consult.example");
        var id = await SeededConsultationAsync(stakeholder);

        var commentId = await Service(
            s => s.CommentAsync(id, "LAP-LIF-01", "Four years is realistic: refurbishers already give three.", stakeholder));

        Assert.Contains(await Service(s => s.ListAsync(stakeholder)), c => c.Id == id);
        var comment = await CommentAsync(id, commentId, stakeholder);
        Assert.Equal("Amal Haddad", comment.Author);
        await Assert.ThrowsAsync<ForbiddenException>(
            () => Service(s => s.RespondAsync(commentId, comment.RowVersion, CommentState.Accepted, null, stakeholder)));
    }

    [Fact]
    public async Task Secretariat_and_chair_answer_comments_and_a_procurer_may_not()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var chair = await portal.PrincipalForAsync(DemoAccounts.Chair);
        var id = await SeededConsultationAsync(procurer);
        var first = await Service(s => s.CommentAsync(id, "LAP-REP-01", "Add the display to the parts list.", procurer));
        var second = await Service(s => s.CommentAsync(id, "LAP-REP-02", "Name the screw types.", procurer));

        var comment = await CommentAsync(id, first, procurer);
        await Assert.ThrowsAsync<ForbiddenException>(
            () => Service(s => s.RespondAsync(first, comment.RowVersion, CommentState.Accepted, null, procurer)));
        var noReason = await Assert.ThrowsAsync<DomainException>(
            () => Service(s => s.RespondAsync(first, comment.RowVersion, CommentState.Rejected, "  ", admin)));
        Assert.Equal(ConsultationCommentFields.Answer, noReason.Field);

        await Service(
            s => s.RespondAsync(first, comment.RowVersion, CommentState.Rejected, "The display is covered by LAP-REP-03.", admin));
        var other = await CommentAsync(id, second, chair);
        await Service(s => s.RespondAsync(second, other.RowVersion, CommentState.Accepted, null, chair));

        var rejected = await Service(s => s.GetAsync(id, CriteriaLanguage.En, new CommentFilter(CommentState.Rejected), admin));
        var shown = Assert.Single(rejected.Criteria.SelectMany(c => c.Comments), c => c.Id == first);
        Assert.Equal("Sanne de Vries (secretariat)", shown.AnsweredBy);
        Assert.All(rejected.Criteria.SelectMany(c => c.Comments), c => Assert.Equal(CommentState.Rejected, c.State));
        Assert.True(rejected.Counts[CommentState.Accepted] >= 1);
        var byCriterion = await Service(s => s.GetAsync(id, CriteriaLanguage.En, new CommentFilter(CriterionCode: "LAP-REP-02"), chair));
        Assert.Equal(["LAP-REP-02"], byCriterion.Criteria.Select(c => c.Code));
        Assert.Equal("Lars Nilsen", Assert.Single(byCriterion.Criteria[0].Comments, c => c.Id == second).AnsweredBy);

        var csv = Encoding.UTF8.GetString(await Service(s => s.ExportCsvAsync(id, admin)));
        Assert.Contains("The display is covered by LAP-REP-03.", csv, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ForbiddenException>(() => Service(s => s.ExportCsvAsync(id, chair)));
    }

    [Fact]
    public async Task Two_people_answering_the_same_comment_at_once_do_not_overwrite_each_other()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var chair = await portal.PrincipalForAsync(DemoAccounts.Chair);
        var id = await SeededConsultationAsync(procurer);
        var commentId = await Service(s => s.CommentAsync(id, "LAP-SOF-01", "Ask for seven years of updates.", procurer));
        var loaded = (await CommentAsync(id, commentId, admin)).RowVersion;

        var results = await Task.WhenAll(
            Attempt(() => Service(s => s.RespondAsync(commentId, loaded, CommentState.Accepted, "Taken up.", admin))),
            Attempt(() => Service(s => s.RespondAsync(commentId, loaded, CommentState.Rejected, "Not feasible yet.", chair))));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r is ConcurrencyConflictException);
        var saved = await CommentAsync(id, commentId, admin);
        Assert.Contains(saved.State, new[] { CommentState.Accepted, CommentState.Rejected });
    }

    [Fact]
    public async Task Commenting_is_refused_before_the_consultation_opens()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var setId = await DraftAsync("consult-later", admin);
        var id = await Service(s => s.OpenAsync(setId, DateTimeOffset.UtcNow.AddDays(3), DateTimeOffset.UtcNow.AddDays(30), admin));

        var view = await Service(s => s.GetAsync(id, CriteriaLanguage.En, new CommentFilter(), procurer));
        Assert.Equal(ConsultationPhase.NotYetOpen, view.Phase);
        Assert.False(view.CanComment);
        var refused = await Assert.ThrowsAsync<DomainException>(
            () => Service(s => s.CommentAsync(id, "TAB-REP-01", "Too early.", procurer)));
        Assert.Contains("has not opened yet", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ForbiddenException>(
            () => Service(s => s.OpenAsync(setId, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1), procurer)));
    }

    [Fact]
    public async Task After_the_end_commenting_is_refused_and_after_publication_the_log_is_read_only()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var setId = await DraftAsync("consult-cycle", admin);
        var id = await Service(s => s.OpenAsync(setId, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(14), admin));
        var commentId = await Service(s => s.CommentAsync(id, "TAB-REP-01", "Ten years of spare parts, please.", procurer));

        var open = await Service(s => s.GetAsync(id, CriteriaLanguage.En, new CommentFilter(), admin));
        await Service(s => s.CloseEarlyAsync(id, open.RowVersion, admin));
        var closed = await Service(s => s.GetAsync(id, CriteriaLanguage.En, new CommentFilter(), procurer));
        Assert.Equal(ConsultationPhase.Closed, closed.Phase);
        Assert.False(closed.CanComment);
        var refused = await Assert.ThrowsAsync<DomainException>(
            () => Service(s => s.CommentAsync(id, "TAB-REP-01", "Too late.", procurer)));
        Assert.Contains("comments are no longer accepted", refused.Message, StringComparison.Ordinal);

        var set = await Editor(e => e.GetAsync(setId, admin));
        await Editor(e => e.SubmitForReviewAsync(setId, set.RowVersion, admin));
        set = await Editor(e => e.GetAsync(setId, admin));

        await Editor(e => e.PublishAsync(
            setId,
            set.RowVersion,
            new DateOnly(2026, 11, 20),
            new Dictionary<CriteriaLanguage, string> { [CriteriaLanguage.En] = "Spare parts longer." },
            admin));

        var published = await Service(s => s.GetAsync(id, CriteriaLanguage.En, new CommentFilter(), procurer));
        Assert.True(published.IsReadOnly);
        Assert.False(published.CanAnswer);
        Assert.Contains(published.Criteria.Single().Comments, c => c.Id == commentId);
        var comment = await CommentAsync(id, commentId, admin);
        var frozen = await Assert.ThrowsAsync<DomainException>(
            () => Service(s => s.RespondAsync(commentId, comment.RowVersion, CommentState.Accepted, null, admin)));
        Assert.Contains("has been published", frozen.Message, StringComparison.Ordinal);
        Assert.Equal(id, await Service(s => s.ForCriteriaSetAsync(setId)));
    }

    private async Task<Guid> SeededConsultationAsync(ClaimsPrincipal reader)
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var all = await Service(s => s.ListAsync(admin));
        return all.Single(c => c.ProductGroup == "Laptops" && c.Version == ConsultationDemoData.DraftVersion).Id;
    }

    private async Task<CommentView> CommentAsync(Guid consultationId, Guid commentId, ClaimsPrincipal reader) =>
        (await Service(s => s.GetAsync(consultationId, CriteriaLanguage.En, new CommentFilter(), reader))).Criteria
            .SelectMany(c => c.Comments)
            .Single(c => c.Id == commentId);

    /// <summary>A new product group with a published 1.0 and a draft 1.1 holding TAB-REP-01.</summary>
    private async Task<Guid> DraftAsync(string slug, ClaimsPrincipal admin)
    {
        await Editor(e => e.AddProductGroupAsync(
            slug,
            new Dictionary<CriteriaLanguage, string?> { [CriteriaLanguage.En] = "Tablets " + slug },
            admin));
        var setId = await Editor(e => e.CreateDraftAsync(slug, null, admin));
        var set = await Editor(e => e.GetAsync(setId, admin));
        await Editor(e => e.AddCriterionAsync(
            setId,
            set.RowVersion,
            "TAB-REP-01",
            Repair,
            new CriterionContent("Spare parts", "Spare parts for seven years.", "Declaration.", null, null, null),
            admin));
        set = await Editor(e => e.GetAsync(setId, admin));
        await Editor(e => e.SubmitForReviewAsync(setId, set.RowVersion, admin));
        set = await Editor(e => e.GetAsync(setId, admin));
        await Editor(e => e.PublishAsync(
            setId,
            set.RowVersion,
            new DateOnly(2026, 1, 15),
            new Dictionary<CriteriaLanguage, string> { [CriteriaLanguage.En] = "First version." },
            admin));
        return await Editor(e => e.CreateDraftAsync(slug, null, admin));
    }

    private async Task<ClaimsPrincipal> StakeholderAsync(string email)
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Amal Haddad" };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, PortalRoles.Stakeholder)).Succeeded);
            await using var db = portal.CreateDbContext();
            var group = await db.WorkingGroups.Include(g => g.Participants).SingleAsync(g => g.Name == DemoDataSeeder.ChairedWorkingGroup);
            group.AddParticipant(user.Id, ParticipantRole.Participant);
            await db.SaveChangesAsync();
        }

        return await portal.PrincipalForAsync(email);
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (ConcurrencyConflictException conflict)
        {
            return conflict;
        }
    }

    private Task<T> Service<T>(Func<CriteriaConsultations, Task<T>> action) => portal.WithServiceAsync(action);

    private Task Service(Func<CriteriaConsultations, Task> action) => portal.WithServiceAsync(action);

    private Task<T> Editor<T>(Func<CriteriaEditor, Task<T>> action) => portal.WithServiceAsync(action);

    private Task Editor(Func<CriteriaEditor, Task> action) => portal.WithServiceAsync(action);
}
