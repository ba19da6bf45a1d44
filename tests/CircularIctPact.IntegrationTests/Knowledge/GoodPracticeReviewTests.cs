using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Knowledge;

namespace CircularIctPact.IntegrationTests.Knowledge;

public sealed class GoodPracticeReviewTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task Cases(Func<GoodPracticeCases, Task> action) => portal.WithServiceAsync(action);

    [Fact]
    public async Task Case_is_sent_back_resubmitted_and_approved_with_the_whole_history_kept()
    {
        var procurer = await portal.As(DemoAccounts.Procurer);
        var coordinator = await portal.As(DemoAccounts.CoordinatorNetherlands);
        var id = await portal.DraftAsync(KnowledgeTestData.Content("Repair café for office phones"));

        await Cases(async c => await c.SubmitAsync(procurer, id, await portal.VersionAsync(id)));
        Assert.Contains(
            await portal.WithServiceAsync<GoodPracticeCases, IReadOnlyList<GoodPracticeSummary>>(c => c.ReviewQueueAsync(coordinator)),
            s => s.Id == id);
        await Cases(async c => await c.SendBackAsync(coordinator, id, await portal.VersionAsync(id), "Please add what the repairs cost."));

        var sentBack = await portal.CaseAsync(id);
        Assert.Equal(GoodPracticeStatus.SentBack, sentBack.Status);
        Assert.True(sentBack.CanEdit);
        await Cases(c =>
            c.UpdateAsync(procurer, id, sentBack.RowVersion, sentBack.Content with { Results = "Repairs cost less than a new phone." }));
        await Cases(async c => await c.SubmitAsync(procurer, id, await portal.VersionAsync(id)));
        await Cases(async c => await c.ApproveAsync(coordinator, id, await portal.VersionAsync(id), "Thanks, clear now."));

        var published = await portal.CaseAsync(id);
        Assert.Equal(GoodPracticeStatus.Published, published.Status);
        Assert.Equal(2, published.Revision);
        Assert.Equal(
            [
                (1, ReviewAction.Submitted, "Fatima El Amrani", null),
                (1, ReviewAction.SentBack, "Joost Bakker", "Please add what the repairs cost."),
             (2, ReviewAction.Resubmitted, "Fatima El Amrani", null),
                (2, ReviewAction.Approved, "Joost Bakker", "Thanks, clear now."),
            ],
            published.Reviews.Select(r => (r.Revision, r.Action, r.By, r.Comment)));
        Assert.Equal(published.Reviews, (await portal.CaseAsync(id, DemoAccounts.CoordinatorNetherlands)).Reviews);
        Assert.Empty((await portal.CaseAsync(id, null)).Reviews);
        Assert.Contains(
            await portal.WithServiceAsync<GoodPracticeCases, IReadOnlyList<GoodPracticeSummary>>(
                c => c.SearchAsync(new GoodPracticeQuery(), PortalFactoryExtensions.Anonymous)),
            s => s.Id == id);
    }

    [Fact]
    public async Task Coordinator_of_another_buyer_group_cannot_review_or_see_unpublished_cases()
    {
        var procurer = await portal.As(DemoAccounts.Procurer);
        var belgian = await portal.As(DemoAccounts.CoordinatorBelgium);
        var dutch = await portal.As(DemoAccounts.CoordinatorNetherlands);
        var id = await portal.DraftAsync(KnowledgeTestData.Content("Shared spare-parts stock"));
        await Cases(async c => await c.SubmitAsync(procurer, id, await portal.VersionAsync(id)));
        var version = (await portal.CaseAsync(id)).RowVersion;

        await Assert.ThrowsAsync<NotFoundException>(() => portal.CaseAsync(id, DemoAccounts.CoordinatorBelgium));
        await Assert.ThrowsAsync<NotFoundException>(() => Cases(c => c.ApproveAsync(belgian, id, version, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => Cases(c => c.SendBackAsync(belgian, id, version, "No.")));
        Assert.DoesNotContain(
            await portal.WithServiceAsync<GoodPracticeCases, IReadOnlyList<GoodPracticeSummary>>(c => c.ReviewQueueAsync(belgian)),
            s => s.Id == id);

        var dutchQueue = await portal.WithServiceAsync<GoodPracticeCases, IReadOnlyList<GoodPracticeSummary>>(
            c => c.ReviewQueueAsync(dutch));
        Assert.Contains(dutchQueue, s => s.Id == id);
        Assert.DoesNotContain(dutchQueue, s => s.Title == KnowledgeDemoData.ScheldeveldSubmittedCase);
        var scheldeveld = (await portal.WithServiceAsync<GoodPracticeCases, IReadOnlyList<GoodPracticeSummary>>(
            c => c.ReviewQueueAsync(belgian)))
            .Single(s => s.Title == KnowledgeDemoData.ScheldeveldSubmittedCase);
        await Assert.ThrowsAsync<NotFoundException>(() => portal.CaseAsync(scheldeveld.Id, DemoAccounts.CoordinatorNetherlands));
        Assert.Equal(GoodPracticeStatus.Submitted, (await portal.CaseAsync(scheldeveld.Id, DemoAccounts.Admin)).Status);
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<GoodPracticeCases, IReadOnlyList<GoodPracticeSummary>>(c => c.ReviewQueueAsync(procurer)));
    }

    [Fact]
    public async Task Only_the_authors_organisation_edits_and_nobody_reviews_their_own_case()
    {
        var otherProcurer = await portal.As(await portal.OtherDutchProcurerAsync());
        var dutch = await portal.As(DemoAccounts.CoordinatorNetherlands);
        var id = await portal.DraftAsync(KnowledgeTestData.Content("Leasing with a buy-back option"));
        var draft = await portal.CaseAsync(id);

        await Assert.ThrowsAsync<NotFoundException>(
            () => Cases(c => c.UpdateAsync(otherProcurer, id, draft.RowVersion, draft.Content with { Title = "Taken over" })));
        await Assert.ThrowsAsync<NotFoundException>(() => portal.CaseAsync(id, "buyer@heideveld.example"));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => Cases(c => c.UpdateAsync(dutch, id, draft.RowVersion, draft.Content with { Title = "Coordinator's words" })));
        Assert.False((await portal.CaseAsync(id, DemoAccounts.CoordinatorNetherlands)).CanEdit);

        // A coordinator may write for a member of their group, but then someone else reviews it.
        var forMember = await portal.WithServiceAsync<GoodPracticeCases, Guid>(async c => await c.CreateAsync(
            dutch,
            await portal.RivierstadIdAsync(),
            KnowledgeTestData.Content("Written by the coordinator")));
        await Cases(
            async c => await c.SubmitAsync(dutch, forMember, await portal.VersionAsync(forMember, DemoAccounts.CoordinatorNetherlands)));
        var submitted = await portal.CaseAsync(forMember, DemoAccounts.CoordinatorNetherlands);
        Assert.False(submitted.CanReview);
        await Assert.ThrowsAsync<ForbiddenException>(() => Cases(c => c.ApproveAsync(dutch, forMember, submitted.RowVersion, null)));
        await Cases(async c => await c.ApproveAsync(await portal.As(DemoAccounts.Admin), forMember, submitted.RowVersion, null));

        var belgianMember = await portal.WithServiceAsync<GoodPracticeCases, IReadOnlyList<OrganisationOption>>(
            c => c.AuthorOrganisationsAsync(dutch));
        Assert.DoesNotContain(belgianMember, o => o.Name == "Stad Scheldeveld");
        await Assert.ThrowsAsync<ForbiddenException>(async () => await portal.WithServiceAsync<GoodPracticeCases, Guid>(
            async c => await c.CreateAsync(otherProcurer, await portal.RivierstadIdAsync(), KnowledgeTestData.Content("Not mine"))));
    }

    [Fact]
    public async Task Concurrent_edits_of_a_case_conflict_instead_of_overwriting()
    {
        var procurer = await portal.As(DemoAccounts.Procurer);
        var colleague = await portal.As(
            await portal.AccountAsync("colleague@rivierstad.example", PortalRoles.Procurer, DemoDataSeeder.ProcurerOrganisation));
        var id = await portal.DraftAsync(KnowledgeTestData.Content("Printers as a service"));
        var opened = await portal.CaseAsync(id);

        await Cases(c => c.UpdateAsync(colleague, id, opened.RowVersion, opened.Content with { Impact = "The colleague's impact text." }));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Cases(c => c.UpdateAsync(procurer, id, opened.RowVersion, opened.Content with { Impact = "My impact text." })));

        var theirs = Assert.IsType<GoodPracticeDetails>(conflict.Current);
        Assert.Equal("The colleague's impact text.", theirs.Content.Impact);
        Assert.Equal("The colleague's impact text.", (await portal.CaseAsync(id)).Content.Impact);
    }

    [Fact]
    public async Task Review_steps_follow_the_rules_of_the_cycle()
    {
        var procurer = await portal.As(DemoAccounts.Procurer);
        var coordinator = await portal.As(DemoAccounts.CoordinatorNetherlands);
        var id = await portal.DraftAsync(KnowledgeTestData.Content("Energy settings on delivery"));

        var notSubmitted = await Assert.ThrowsAsync<DomainException>(
            () => Cases(async c => await c.ApproveAsync(coordinator, id, await portal.VersionAsync(id), null)));
        Assert.Equal(GoodPracticeCaseFields.Status, notSubmitted.Field);
        await Cases(async c => await c.SubmitAsync(procurer, id, await portal.VersionAsync(id)));
        var noComment = await Assert.ThrowsAsync<DomainException>(
            () => Cases(async c => await c.SendBackAsync(coordinator, id, await portal.VersionAsync(id), "  ")));
        Assert.Equal(GoodPracticeCaseFields.Comment, noComment.Field);
        var locked = await Assert.ThrowsAsync<DomainException>(() => Cases(async c =>
            await c.UpdateAsync(procurer, id, await portal.VersionAsync(id), KnowledgeTestData.Content("Changed while in review"))));
        Assert.Contains("cannot be changed", locked.Message, StringComparison.Ordinal);
        var badMail = await Assert.ThrowsAsync<DomainException>(
            () => portal.DraftAsync(KnowledgeTestData.Content("Bad contact") with { ContactEmail = "not-an-address" }));
        Assert.Equal(GoodPracticeCaseFields.ContactEmail, badMail.Field);

        await Cases(async c => await c.WithdrawAsync(procurer, id, await portal.VersionAsync(id), "We will write it again next year."));
        var withdrawn = await portal.CaseAsync(id);
        Assert.Equal(GoodPracticeStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(ReviewAction.Withdrawn, withdrawn.Reviews[^1].Action);
        Assert.DoesNotContain(
            await portal.WithServiceAsync<GoodPracticeCases, IReadOnlyList<GoodPracticeSummary>>(c => c.ReviewQueueAsync(coordinator)),
            s => s.Id == id);
    }

    [Fact]
    public async Task Members_only_case_stays_with_the_buying_side()
    {
        var procurer = await portal.As(DemoAccounts.Procurer);
        var id = await portal.DraftAsync(KnowledgeTestData.Content("Members-only lessons", KnowledgeVisibility.MembersOnly));
        await Cases(async c => await c.SubmitAsync(procurer, id, await portal.VersionAsync(id)));
        await Cases(
            async c => await c.ApproveAsync(await portal.As(DemoAccounts.CoordinatorNetherlands), id, await portal.VersionAsync(id), null));

        var stakeholder = await portal.StakeholderAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => portal.CaseAsync(id, stakeholder));
        await Assert.ThrowsAsync<NotFoundException>(() => portal.CaseAsync(id, null));
        Assert.Equal("Members-only lessons", (await portal.CaseAsync(id, DemoAccounts.CoordinatorBelgium)).Content.Title);
        Assert.Empty((await portal.CaseAsync(id, DemoAccounts.CoordinatorBelgium)).Reviews);
    }
}
