using System.Net;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Criteria;

/// <summary>
/// The secretariat's lifecycle of a criteria set. The tests in this class share one database, so each works on its own
/// product group (created here) and never on the seeded laptops and smartphones, which other assertions rely on.
/// </summary>
public sealed class CriteriaLifecycleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly CriterionClassification Repair = new(
        CriterionTheme.RepairabilityAndSpareParts,
        AmbitionLevel.Core,
        CriterionType.TechnicalSpecification,
        PactStrategy.UseLonger,
        "EU GPP 2021");

    [Fact]
    public async Task Draft_goes_through_review_to_published_and_supersedes_the_previous_version()
    {
        var admin = await AdminAsync();
        var (slug, first) = await PublishedGroupAsync("tablets-a", admin);

        var draftId = await Editor(e => e.CreateDraftAsync(slug, null, admin));
        var draft = await Editor(e => e.GetAsync(draftId, admin));
        Assert.Equal("1.1", draft.Version);
        Assert.Equal(CriteriaSetStatus.Draft, draft.Status);
        Assert.Equal(["TAB-REP-01"], draft.Criteria.Select(c => c.Code));

        var added = await Editor(e => e.AddCriterionAsync(
            draftId,
            draft.RowVersion,
            "TAB-BAT-01",
            Repair with { Theme = CriterionTheme.Battery },
            new CriterionContent("Replaceable battery", "The battery can be replaced by the user.", "Service manual.", null, null, null),
            admin));
        draft = await Editor(e => e.GetAsync(draftId, admin));
        await Editor(e => e.SubmitForReviewAsync(draftId, draft.RowVersion, admin));
        draft = await Editor(e => e.GetAsync(draftId, admin));
        Assert.Equal(CriteriaSetStatus.InReview, draft.Status);
        await Editor(e => e.PublishAsync(
            draftId,
            draft.RowVersion,
            new DateOnly(2026, 11, 1),
            new Dictionary<CriteriaLanguage, string>
            {
                [CriteriaLanguage.En] = "Adds a battery criterion.",
                [CriteriaLanguage.Nl] = "Voegt een batterijcriterium toe.",
            },
            admin));

        var overview = await Editor(e => e.OverviewAsync(admin));
        var versions = overview.Single(g => g.Slug == slug).Versions;
        Assert.Equal(
            [("1.1", CriteriaSetStatus.Published), ("1.0", CriteriaSetStatus.Superseded)],
            versions.Select(v => (v.Version, v.Status)));
        Assert.Equal(new DateOnly(2026, 11, 1), versions[0].PublishedOn);
        var view = await portal.WithServiceAsync<CriteriaCatalogue, CatalogueView>(
            c => c.GetAsync(new CatalogueQuery(slug, Language: CriteriaLanguage.Nl), PortalFactoryExtensions.Anonymous));
        Assert.Equal("1.1", view.Version);
        Assert.Equal("Voegt een batterijcriterium toe.", view.ReleaseNotes);
        Assert.False(view.ReleaseNotesAreFallback);
        Assert.Contains(view.Criteria, c => c.Id == added && c.IsFallback);
        var german = await portal.WithServiceAsync<CriteriaCatalogue, CatalogueView>(
            c => c.GetAsync(new CatalogueQuery(slug, Language: CriteriaLanguage.De), PortalFactoryExtensions.Anonymous));
        Assert.Equal("Adds a battery criterion.", german.ReleaseNotes);
        Assert.True(german.ReleaseNotesAreFallback);
        var previous = await portal.WithServiceAsync<CriteriaCatalogue, CatalogueView>(
            c => c.GetAsync(new CatalogueQuery(slug, "1.0", CriteriaLanguage.Nl), PortalFactoryExtensions.Anonymous));
        Assert.Equal("First version.", previous.ReleaseNotes);
        Assert.True(previous.ReleaseNotesAreFallback);

        await using var db = portal.CreateDbContext();
        var audited = await db.AuditEntries.Where(a => a.EntityId == draftId || a.EntityId == first).Select(a => a.Action).ToListAsync();
        Assert.Contains("Published", audited);
        Assert.Contains("Superseded", audited);
        Assert.Contains("CriterionAdded", audited);
    }

    [Fact]
    public async Task Published_version_refuses_every_change_with_a_clear_message()
    {
        var admin = await AdminAsync();
        var (_, setId) = await PublishedGroupAsync("tablets-b", admin);
        var set = await Editor(e => e.GetAsync(setId, admin));
        var criterionId = set.Criteria[0].Id;

        var write = await Assert.ThrowsAsync<DomainException>(
            () => Editor(e => e.WriteAsync(setId, set.RowVersion, criterionId, CriteriaLanguage.Nl,
                new CriterionContent("Titel", "Eis", null, null, null, null), admin)));
        var add = await Assert.ThrowsAsync<DomainException>(
            () => Editor(e => e.AddCriterionAsync(setId, set.RowVersion, "TAB-REP-09", Repair,
                new CriterionContent("Title", "Requirement", null, null, null, null), admin)));
        var remove = await Assert.ThrowsAsync<DomainException>(
            () => Editor(e => e.RemoveCriterionAsync(setId, set.RowVersion, criterionId, admin)));

        Assert.Equal("Published version 1.0 cannot be changed; create a new draft version.", write.Message);
        Assert.Equal(write.Message, add.Message);
        Assert.Equal(write.Message, remove.Message);
        var unchanged = await Editor(e => e.GetAsync(setId, admin));
        Assert.Null(unchanged.Criteria[0].Texts[CriteriaLanguage.Nl]);
        Assert.Single(unchanged.Criteria);
    }

    [Fact]
    public async Task Only_the_secretariat_edits_criteria()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);

        await Assert.ThrowsAsync<ForbiddenException>(() => Editor(e => e.CreateDraftAsync("laptops", null, procurer)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Editor(e => e.OverviewAsync(PortalFactoryExtensions.Anonymous)));
    }

    [Fact]
    public async Task Script_in_rich_text_is_removed_when_a_draft_is_saved()
    {
        var admin = await AdminAsync();
        var (_, draftId, criterionId) = await DraftGroupAsync("tablets-c", admin);
        var draft = await Editor(e => e.GetAsync(draftId, admin));

        await Editor(e => e.WriteAsync(draftId, draft.RowVersion, criterionId, CriteriaLanguage.En, new CriterionContent(
            "Spare parts",
            "<p>Parts for <strong>seven years</strong>.</p><script>alert('x')</script><img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">label</a> <a href=\"https://example.org\" onclick=\"steal()\">TCO</a>",
            null, null, null), admin));

        var saved = (await Editor(e => e.GetAsync(draftId, admin))).Criteria.Single(c => c.Id == criterionId).Texts[CriteriaLanguage.En]!;
        Assert.Equal("<p>Parts for <strong>seven years</strong>.</p>", saved.Requirement);
        Assert.DoesNotContain("script", saved.Requirement, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", saved.Verification, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", saved.Verification, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.org\"", saved.Verification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_English_source_marks_translations_outdated()
    {
        var admin = await AdminAsync();
        var (_, draftId, criterionId) = await DraftGroupAsync("tablets-d", admin);
        var draft = await Editor(e => e.GetAsync(draftId, admin));
        await Editor(e => e.WriteAsync(
            draftId,
            draft.RowVersion,
            criterionId,
            CriteriaLanguage.Nl,
            new CriterionContent("Reserveonderdelen", "Onderdelen zeven jaar.", null, null, null, null),
            admin));
        draft = await Editor(e => e.GetAsync(draftId, admin));
        Assert.Equal(TranslationStatus.UpToDate, draft.Criteria[0].Status[CriteriaLanguage.Nl]);
        Assert.Equal(TranslationStatus.Missing, draft.Criteria[0].Status[CriteriaLanguage.Fr]);

        await Editor(e => e.WriteAsync(
            draftId,
            draft.RowVersion,
            criterionId,
            CriteriaLanguage.En,
            new CriterionContent("Spare parts", "Parts for eight years.", null, null, null, null),
            admin));

        draft = await Editor(e => e.GetAsync(draftId, admin));
        Assert.Equal(TranslationStatus.Outdated, draft.Criteria[0].Status[CriteriaLanguage.Nl]);
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_a_conflict()
    {
        var admin = await AdminAsync();
        var (_, draftId, criterionId) = await DraftGroupAsync("tablets-e", admin);
        var stale = await Editor(e => e.GetAsync(draftId, admin));
        await Editor(e => e.WriteAsync(
            draftId,
            stale.RowVersion,
            criterionId,
            CriteriaLanguage.Fr,
            new CriterionContent("Pièces", "Pièces sept ans.", null, null, null, null),
            admin));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Editor(e => e.WriteAsync(draftId, stale.RowVersion, criterionId, CriteriaLanguage.De,
                new CriterionContent("Ersatzteile", "Teile sieben Jahre.", null, null, null, null), admin)));
    }

    [Fact]
    public async Task Drafts_are_invisible_to_anonymous_visitors_and_procurers_on_pages_and_in_the_API()
    {
        var admin = await AdminAsync();
        var (slug, _, _) = await DraftGroupAsync("tablets-f", admin);
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);

        await Assert.ThrowsAsync<NotFoundException>(
            () => portal.WithServiceAsync<CriteriaCatalogue, CatalogueView>(c => c.GetAsync(new CatalogueQuery(slug, "1.1"), procurer)));
        await Assert.ThrowsAsync<NotFoundException>(() => portal.WithServiceAsync<CriteriaCatalogue, CatalogueView>(
            c => c.GetAsync(new CatalogueQuery(slug, "1.1"), PortalFactoryExtensions.Anonymous)));
        var secretariatView = await portal.WithServiceAsync<CriteriaCatalogue, CatalogueView>(
            c => c.GetAsync(new CatalogueQuery(slug, "1.1"), admin));
        Assert.Equal(CriteriaSetStatus.Draft, secretariatView.Set.Status);
        var versionsForProcurer = await portal.WithServiceAsync<CriteriaCatalogue, IReadOnlyList<CriteriaSetSummary>?>(
            c => c.ListVersionsAsync(slug, procurer));
        Assert.Equal(["1.0"], versionsForProcurer!.Select(v => v.Version));

        using var anonymous = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/criteria?productGroup={slug}&version=1.1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/criteria/{slug}/1.1/TAB-REP-01")).StatusCode);
        Assert.DoesNotContain("1.1", await anonymous.GetStringAsync($"/api/v1/product-groups/{slug}/versions"), StringComparison.Ordinal);

        using var signedIn = portal.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await FormSignIn.SignInAsync(signedIn, DemoAccounts.Procurer);
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync($"/criteria/{slug}/1.1/TAB-REP-01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync($"/criteria?productGroup={slug}&version=1.1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync($"/api/v1/criteria?productGroup={slug}&version=1.1")).StatusCode);
    }

    [Fact]
    public async Task Secretariat_adds_a_product_group_without_code_changes()
    {
        var admin = await AdminAsync();

        await Editor(e => e.AddProductGroupAsync(
            "monitors",
            new Dictionary<CriteriaLanguage, string?> { [CriteriaLanguage.En] = "Monitors", [CriteriaLanguage.Fr] = "Écrans" },
            admin));
        var duplicate = await Assert.ThrowsAsync<DomainException>(() => Editor(e => e.AddProductGroupAsync(
            "monitors",
            new Dictionary<CriteriaLanguage, string?> { [CriteriaLanguage.En] = "Monitors" },
            admin)));
        var invalid = await Assert.ThrowsAsync<DomainException>(() => Editor(e => e.AddProductGroupAsync(
            "Big Screens!",
            new Dictionary<CriteriaLanguage, string?> { [CriteriaLanguage.En] = "Big" },
            admin)));

        var groups = await portal.WithServiceAsync<CriteriaCatalogue, IReadOnlyList<ProductGroupSummary>>(
            c => c.ListProductGroupsAsync(CriteriaLanguage.Fr));
        Assert.Contains(groups, g => g.Slug == "monitors" && g.Name == "Écrans" && g.LatestPublishedVersion is null);
        Assert.Equal(ProductGroupFields.Slug, duplicate.Field);
        Assert.Equal(ProductGroupFields.Slug, invalid.Field);
    }

    private Task<ClaimsPrincipal> AdminAsync() => portal.PrincipalForAsync(DemoAccounts.Admin);

    private Task<T> Editor<T>(Func<CriteriaEditor, Task<T>> action) => portal.WithServiceAsync(action);

    private Task Editor(Func<CriteriaEditor, Task> action) => portal.WithServiceAsync(action);

    /// <summary>A new product group with a published version 1.0 holding one criterion, TAB-REP-01.</summary>
    private async Task<(string Slug, Guid SetId)> PublishedGroupAsync(string slug, ClaimsPrincipal admin)
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
        return (slug, setId);
    }

    /// <summary>A product group with a published 1.0 and an open draft 1.1 copied from it.</summary>
    private async Task<(string Slug, Guid DraftId, Guid CriterionId)> DraftGroupAsync(string slug, ClaimsPrincipal admin)
    {
        await PublishedGroupAsync(slug, admin);
        var draftId = await Editor(e => e.CreateDraftAsync(slug, null, admin));
        var draft = await Editor(e => e.GetAsync(draftId, admin));
        return (slug, draftId, draft.Criteria.Single().Id);
    }
}
