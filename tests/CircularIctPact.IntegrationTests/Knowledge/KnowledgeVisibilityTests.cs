using System.Net;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Knowledge;

namespace CircularIctPact.IntegrationTests.Knowledge;

/// <summary>What anonymous visitors, external stakeholders, members and other groups' coordinators see of cases and their files.</summary>
public sealed class KnowledgeVisibilityTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string MembersOnlySeedCase = "A take-back clause that tells us where our old laptops went";

    private async Task<IReadOnlyList<GoodPracticeSummary>> SearchAsync(string? email, GoodPracticeQuery query) =>
        await portal.WithServiceAsync<GoodPracticeCases, IReadOnlyList<GoodPracticeSummary>>(
            async c => await c.SearchAsync(query, await portal.As(email)));

    [Fact]
    public async Task Public_list_and_search_show_published_public_cases_and_members_see_members_only_ones_too()
    {
        var stakeholder = await portal.StakeholderAsync();
        foreach (var outsider in new[] { null, stakeholder })
        {
            var titles = (await SearchAsync(outsider, new GoodPracticeQuery())).Select(c => c.Title).ToList();
            Assert.Contains(KnowledgeDemoData.RivierstadLaptopCase, titles);
            Assert.DoesNotContain(MembersOnlySeedCase, titles);
            Assert.DoesNotContain(KnowledgeDemoData.ScheldeveldSubmittedCase, titles);
            Assert.DoesNotContain(
                MembersOnlySeedCase,
                (await SearchAsync(outsider, new GoodPracticeQuery("erasure"))).Select(c => c.Title));
        }

        foreach (var member in new[] { DemoAccounts.Procurer, DemoAccounts.CoordinatorBelgium })
        {
            var titles = (await SearchAsync(member, new GoodPracticeQuery())).Select(c => c.Title).ToList();
            Assert.Contains(MembersOnlySeedCase, titles);
            Assert.DoesNotContain(KnowledgeDemoData.ScheldeveldSubmittedCase, titles);
            Assert.Contains(MembersOnlySeedCase, (await SearchAsync(member, new GoodPracticeQuery("erasure"))).Select(c => c.Title));
        }
    }

    [Fact]
    public async Task Search_stems_in_the_case_language_and_filters_by_product_group_tag_and_country()
    {
        Assert.Contains(
            KnowledgeDemoData.RivierstadLaptopCase,
            (await SearchAsync(null, new GoodPracticeQuery("batteries replaced"))).Select(c => c.Title));
        Assert.Equal(
            ["Gereviseerde smartphones als standaard voor nieuwe medewerkers"],
            (await KnowledgeTestData.ReadingIn("nl", () => SearchAsync(null, new GoodPracticeQuery("medewerker")))).Select(c => c.Title));
        Assert.All(await SearchAsync(null, new GoodPracticeQuery(ProductGroup: "smartphones")), c => Assert.NotNull(c.ProductGroupId));
        Assert.Contains(
            "Gereviseerde smartphones als standaard voor nieuwe medewerkers",
            (await KnowledgeTestData.ReadingIn("nl", () => SearchAsync(null, new GoodPracticeQuery(ProductGroup: "smartphones"))))
                .Select(c => c.Title));
        Assert.DoesNotContain(
            KnowledgeDemoData.RivierstadLaptopCase,
            (await SearchAsync(null, new GoodPracticeQuery(ProductGroup: "smartphones"))).Select(c => c.Title));
        Assert.All(await SearchAsync(null, new GoodPracticeQuery(Tag: "Labour Rights")), c => Assert.Contains("labour rights", c.Tags));
        Assert.NotEmpty(await SearchAsync(null, new GoodPracticeQuery(Tag: "labour rights")));
        Assert.NotEmpty(await SearchAsync(null, new GoodPracticeQuery(Country: "nl")));
        Assert.Empty(await SearchAsync(null, new GoodPracticeQuery(Country: "BE")));
        Assert.Empty(await SearchAsync(null, new GoodPracticeQuery(Country: "XX")));
    }

    [Fact]
    public async Task Pages_show_members_only_and_unpublished_cases_to_the_right_people_only()
    {
        var members = await SearchAsync(DemoAccounts.Procurer, new GoodPracticeQuery());
        var membersOnly = members.Single(c => c.Title == MembersOnlySeedCase);
        var publicCase = members.Single(c => c.Title == KnowledgeDemoData.RivierstadLaptopCase);
        var stakeholder = await portal.StakeholderAsync();

        var anonymous = await portal.ClientAsync(null);
        var list = await anonymous.GetStringAsync("/good-practices");
        Assert.Contains(WebUtility.HtmlEncode(KnowledgeDemoData.RivierstadLaptopCase), list, StringComparison.Ordinal);
        Assert.DoesNotContain(MembersOnlySeedCase, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/good-practices/{publicCase.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/good-practices/{membersOnly.Id}")).StatusCode);
        Assert.DoesNotContain(MembersOnlySeedCase, await anonymous.GetStringAsync("/good-practices?q=erasure"), StringComparison.Ordinal);

        var outsider = await portal.ClientAsync(stakeholder);
        Assert.DoesNotContain(MembersOnlySeedCase, await outsider.GetStringAsync("/good-practices"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/good-practices/{membersOnly.Id}")).StatusCode);

        var member = await portal.ClientAsync(DemoAccounts.Procurer);
        Assert.Contains(MembersOnlySeedCase, await member.GetStringAsync("/good-practices?q=erasure"), StringComparison.Ordinal);
        Assert.Contains(MembersOnlySeedCase, await member.GetStringAsync($"/good-practices/{membersOnly.Id}"), StringComparison.Ordinal);

        var queue = await portal.WithServiceAsync<GoodPracticeCases, IReadOnlyList<GoodPracticeSummary>>(
            async c => await c.ReviewQueueAsync(await portal.As(DemoAccounts.CoordinatorBelgium)));
        var submitted = queue.Single(c => c.Title == KnowledgeDemoData.ScheldeveldSubmittedCase);
        var dutchCoordinator = await portal.ClientAsync(DemoAccounts.CoordinatorNetherlands);
        Assert.Equal(HttpStatusCode.NotFound, (await dutchCoordinator.GetAsync($"/good-practices/{submitted.Id}")).StatusCode);
        var belgianCoordinator = await portal.ClientAsync(DemoAccounts.CoordinatorBelgium);
        Assert.Contains(
            KnowledgeDemoData.ScheldeveldSubmittedCase,
            await belgianCoordinator.GetStringAsync($"/good-practices/{submitted.Id}"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case_attachment_downloads_follow_the_case_through_review_and_publication()
    {
        var procurer = await portal.As(DemoAccounts.Procurer);
        var id = await portal.DraftAsync(KnowledgeTestData.Content("Clause attached", KnowledgeVisibility.MembersOnly));
        await portal.WithServiceAsync<GoodPracticeCases>(
            async c => await c.AttachAsync(procurer, id, await portal.VersionAsync(id), KnowledgeTestData.Pdf("our clause.pdf")));
        var document = (await portal.CaseAsync(id)).AttachmentDocumentId!.Value;
        var path = $"/documents/{document}";
        var stakeholder = await portal.StakeholderAsync();
        var otherMember = await portal.OtherDutchProcurerAsync();

        Task<string> StatusFor(string? email) => portal.AccessAsync(email, path);

        Assert.Equal("sign-in", await StatusFor(null));
        Assert.Equal("ok", await StatusFor(DemoAccounts.Procurer));
        Assert.Equal("ok", await StatusFor(DemoAccounts.CoordinatorNetherlands));
        Assert.Equal("denied", await StatusFor(DemoAccounts.CoordinatorBelgium));
        Assert.Equal("denied", await StatusFor(otherMember));
        Assert.Equal("denied", await StatusFor(stakeholder));

        await portal.WithServiceAsync<GoodPracticeCases>(async c => await c.SubmitAsync(procurer, id, await portal.VersionAsync(id)));
        await portal.WithServiceAsync<GoodPracticeCases>(
            async c => await c.ApproveAsync(await portal.As(DemoAccounts.Admin), id, await portal.VersionAsync(id), null));

        Assert.Equal("ok", await StatusFor(DemoAccounts.CoordinatorBelgium));
        Assert.Equal("ok", await StatusFor(otherMember));
        Assert.Equal("denied", await StatusFor(stakeholder));
        Assert.Equal("sign-in", await StatusFor(null));
        var response = await (await portal.ClientAsync(DemoAccounts.CoordinatorBelgium)).GetAsync(path);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
