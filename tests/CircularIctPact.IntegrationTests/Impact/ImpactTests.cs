using System.Net;
using System.Security.Claims;
using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Impact;
using CircularIctPact.Domain.Members;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.IntegrationTests.Members;
using CircularIctPact.IntegrationTests.Tenders;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Impact;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.IntegrationTests.Impact;

public sealed class ImpactTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static IReadOnlyList<ThemeAnswer> AllThemes(int score) =>
        [.. Enum.GetValues<AssessmentTheme>().Select(theme => new ThemeAnswer(theme, score, $"Comment on {theme}"))];

    private Task<uint> SaveAsync(ClaimsPrincipal user, int year, IReadOnlyList<ThemeAnswer> answers, uint version, bool submit) =>
        portal.WithServiceAsync<SelfAssessments, uint>(s => s.SaveAsync(user, year, answers, version, submit));

    [Fact]
    public async Task Procurer_saves_a_draft_submits_it_and_cannot_change_it_afterwards()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);

        var draft = await SaveAsync(procurer, 2023, [new ThemeAnswer(AssessmentTheme.SharedCriteria, 2, null)], 0, submit: false);
        var early = await Assert.ThrowsAsync<DomainException>(
            () => SaveAsync(procurer, 2023, [new ThemeAnswer(AssessmentTheme.SharedCriteria, 2, null)], draft, submit: true));
        var submitted = await SaveAsync(procurer, 2023, AllThemes(3), draft, submit: true);
        var view = await portal.WithServiceAsync<SelfAssessments, SelfAssessmentView>(s => s.GetMineAsync(procurer, 2023));
        var late = await Assert.ThrowsAsync<DomainException>(() => SaveAsync(procurer, 2023, AllThemes(4), submitted, submit: false));

        Assert.Equal(SelfAssessmentFields.Score(AssessmentTheme.DeviceLifetime), early.Field);
        Assert.Equal(SelfAssessmentStatus.Submitted, view.Status);
        Assert.Equal(DemoDataSeeder.ProcurerOrganisation, view.Organisation);
        Assert.All(view.Answers, a => Assert.Equal(3, a.Score));
        Assert.Contains("submitted", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_self_assessment_form_posts_a_draft_and_shows_a_missing_theme_next_to_it_on_submit()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await FormSignIn.SignInAsync(client, DemoAccounts.Procurer)).StatusCode);
        var fields = new Dictionary<string, string>
        {
            ["Input.Year"] = "2021",
            ["Input.Version"] = "0",
            ["Input.Action"] = "draft",
            ["Input.Answers[0].Theme"] = nameof(AssessmentTheme.SharedCriteria),
            ["Input.Answers[0].Score"] = "3",
            ["Input.Answers[0].Comment"] = "Criteria used in two tenders",
        };

        var saved = await FormSignIn.PostFormAsync(client, "/self-assessment?year=2021", "self-assessment", fields);
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var draft = await portal.WithServiceAsync<SelfAssessments, SelfAssessmentView>(s => s.GetMineAsync(procurer, 2021));
        fields["Input.Version"] = draft.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.Action"] = "submit";
        var refused = await FormSignIn.PostFormAsync(client, "/self-assessment?year=2021", "self-assessment", fields);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(SelfAssessmentStatus.Draft, draft.Status);
        Assert.Equal(new ThemeAnswer(AssessmentTheme.SharedCriteria, 3, "Criteria used in two tenders"), Assert.Single(draft.Answers));
        Assert.Contains("id=\"e-DeviceLifetime\"", html, StringComparison.Ordinal);
        Assert.Contains("Answer every theme before you submit.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_colleagues_save_in_between_is_reported_as_a_conflict_not_overwritten()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        var first = await SaveAsync(procurer, 2022, AllThemes(1), 0, submit: false);
        await SaveAsync(procurer, 2022, AllThemes(2), first, submit: false);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => SaveAsync(procurer, 2022, AllThemes(4), first, submit: false));
        var createdTwice = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => SaveAsync(procurer, 2022, AllThemes(4), 0, submit: false));

        var current = Assert.IsType<SelfAssessmentView>(conflict.Current);
        Assert.All(current.Answers, a => Assert.Equal(2, a.Score));
        Assert.NotNull(createdTwice.Current);
    }

    [Fact]
    public async Task Coordinators_and_stakeholders_cannot_fill_in_a_self_assessment()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);

        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<SelfAssessments, SelfAssessmentView>(s => s.GetMineAsync(coordinator, 2025)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SaveAsync(Stakeholder(), 2025, AllThemes(2), 0, submit: false));
    }

    [Fact]
    public async Task Coordinator_of_another_buyer_group_is_denied_its_impact_figures()
    {
        var dutchCoordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var belgianGroup = await portal.BelgianGroupAsync();

        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<ImpactFigures, ImpactView>(f => f.GetAsync(dutchCoordinator, belgianGroup)));
        var own = await portal.WithServiceAsync<ImpactFigures, ImpactView>(f => f.GetAsync(dutchCoordinator, null));
        Assert.Equal(await portal.DutchGroupAsync(), own.BuyerGroupId);
        Assert.DoesNotContain(own.Groups, g => g.Id == belgianGroup);
    }

    [Fact]
    public async Task Stakeholders_and_procurers_are_denied_impact_figures()
    {
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);

        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<ImpactFigures, ImpactView>(f => f.GetAsync(Stakeholder(), null)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<ImpactFigures, ImpactView>(f => f.GetAsync(procurer, null)));
    }

    [Fact]
    public async Task Pact_wide_tender_figures_say_when_they_were_read_and_are_read_again_when_a_tender_is_saved()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var before = await portal.WithServiceAsync<ImpactFigures, ImpactView>(f => f.GetAsync(admin, null));

        await portal.ReportAsync(
            await portal.DemoProcurerAsync(),
            TenderTestData.Form(await portal.PrivateProductGroupAsync(), planned: TenderTestData.Today));
        var after = await portal.WithServiceAsync<ImpactFigures, ImpactView>(f => f.GetAsync(admin, null));
        var group = await portal.WithServiceAsync<ImpactFigures, ImpactView>(f => f.GetAsync(coordinator, null));

        Assert.NotNull(before.TendersReadAt);
        Assert.Equal(before.Tenders.Tenders + 1, after.Tenders.Tenders);
        Assert.Null(group.TendersReadAt);
        var text = portal.Services.GetRequiredService<IStringLocalizer<ImpactText>>();
        Assert.Contains(
            "Pact-wide tender figures as read at",
            ReportText(ImpactReport.ToDocx(after, text, DateTimeOffset.UtcNow)),
            StringComparison.Ordinal);
        Assert.DoesNotContain(
            "Pact-wide tender figures",
            ReportText(ImpactReport.ToDocx(group, text, DateTimeOffset.UtcNow)),
            StringComparison.Ordinal);

        static string ReportText(byte[] docx)
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
            return document.MainDocumentPart!.Document!.Body!.InnerText;
        }
    }

    [Fact]
    public async Task Figures_of_a_crafted_group_count_members_tenders_devices_emissions_and_answers()
    {
        var group = await CraftedGroupAsync();
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);

        var view = await portal.WithServiceAsync<ImpactFigures, ImpactView>(f => f.GetAsync(admin, group, 2025));

        // A joined 2022, B joined 2023 and left in May 2024, C and D joined 2025.
        Assert.Equal([0, 1, 2, 1, 3], view.MemberCounts.Where(c => c.Year <= 2025).Select(c => c.Count));

        // 3 tenders in 2025, one with criteria; the cancelled one is left out.
        var year = Assert.Single(view.Tenders.Years);
        Assert.Equal((2025, 3, 1), (year.Year, year.Tenders, year.WithCriteria));

        // Laptops: 100 devices for 6 years under criteria + 50 for 4 years; avg (600 + 200) / 150 = 5.33 years;
        // avoided 250 × (100 × (1 − 4/6) + 50 × (1 − 4/4)) = 8,333.33 kg. Smartphones: 20 for 2 years: 64 × 20 × (1 − 3/2) = −640 kg.
        var laptops = Assert.Single(view.Tenders.Devices, d => d.Type == DeviceType.Laptop);
        Assert.Equal((2, 150, 100), (laptops.AwardedTenders, laptops.Devices, laptops.DevicesUnderCriteria));
        Assert.Equal(5.33, Math.Round(laptops.AverageExpectedYears, 2));
        Assert.Equal(8333.33, Math.Round(laptops.AvoidedKgCo2e, 2));
        Assert.Equal(-640, Math.Round(Assert.Single(view.Tenders.Devices, d => d.Type == DeviceType.Smartphone).AvoidedKgCo2e, 2));

        // Self-assessment 2025: A (4s) and C (2s) submitted, D's draft is not counted; A and C are the 2 active members (plus D).
        Assert.Equal((3, 2), (view.Assessment.ActiveMembers, view.Assessment.Submitted));
        Assert.All(view.Assessment.Themes, t => Assert.Equal(3.0, t.Average));
        Assert.Equal(3.0, Assert.Single(view.AssessmentTrend).Average);
    }

    [Fact]
    public async Task The_yearly_report_opens_in_word_with_the_figures_and_is_forbidden_for_another_group()
    {
        await CraftedGroupAsync();
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await FormSignIn.SignInAsync(client, DemoAccounts.CoordinatorNetherlands)).StatusCode);
        var dutch = await portal.DutchGroupAsync();
        var belgian = await portal.BelgianGroupAsync();

        var response = await client.GetAsync(new Uri($"/impact/report.docx?group={dutch}&year=2025", UriKind.Relative));
        var denied = await client.GetAsync(new Uri($"/impact/report.docx?group={belgian}&year=2025", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using var document = WordprocessingDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Yearly impact report 2025: " + DemoDataSeeder.DutchBuyerGroup, text, StringComparison.Ordinal);
        Assert.Contains("Progress towards the 2030 ambition", text, StringComparison.Ordinal);
        Assert.Contains("250 kg CO2e", text, StringComparison.Ordinal);
        Assert.True(document.MainDocumentPart.Document.Body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Count() >= 4);
    }

    [Fact]
    public async Task Pact_wide_report_for_the_secretariat_lists_the_crafted_group()
    {
        var group = await CraftedGroupAsync();
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);

        var view = await portal.WithServiceAsync<ImpactFigures, ImpactView>(f => f.GetAsync(admin, null, 2025));

        Assert.Null(view.BuyerGroupId);
        var row = Assert.Single(view.Assessment.Groups, g => g.BuyerGroupId == group);
        Assert.Equal((3, 2, 3.0), (row.ActiveMembers, row.Submitted, row.AverageScore));
        Assert.True(view.Tenders.Tenders >= 3);
    }

    [Fact]
    public async Task A_large_award_of_thousands_of_devices_is_counted_without_overflow()
    {
        await using var db = portal.CreateDbContext();
        var signatory = await db.Signatories.Select(s => s.Id).FirstAsync();
        var group = new BuyerGroup(signatory, "Impact test large order group", "Impact test coordinating body", null);
        var member = new MemberOrganisation(
            group.Id,
            "Impact test ministry",
            Sector.CentralGovernment,
            CountryCode.Parse("NL"),
            null,
            null,
            new DateOnly(2024, 1, 1));
        var laptops = await db.ProductGroups.Where(p => p.Slug == "laptops").Select(p => p.Id).SingleAsync();
        var author = await db.Users.Select(u => u.Id).FirstAsync();
        var at = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var tender = new Tender(
            member.Id,
            new TenderDetails("Impact test 2,500 laptops", laptops, new DateOnly(2025, 2, 1), null, null, 2500, null, "EUR", false),
            author,
            at);
        tender.Publish(new DateOnly(2025, 2, 1), today, at);
        tender.RecordAward(new TenderAwardDetails(new DateOnly(2025, 5, 1), "Supplier", "Model", 2500, 650m, 5, 5.5m, true), today, at);
        db.BuyerGroups.Add(group);
        db.MemberOrganisations.Add(member);
        db.Tenders.Add(tender);
        await db.SaveChangesAsync();
        portal.TendersInsertedDirectly();
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);

        var view = await portal.WithServiceAsync<ImpactFigures, ImpactView>(f => f.GetAsync(admin, group.Id, 2025));

        // 2,500 laptops for 5.5 years: avoided 250 × 2,500 × (1 − 4/5.5) = 170,454.55 kg.
        var figures = Assert.Single(view.Tenders.Devices);
        Assert.Equal((2500, 5.5), (figures.Devices, figures.AverageExpectedYears));
        Assert.Equal(170454.55, Math.Round(figures.AvoidedKgCo2e, 2));
    }

    private static ClaimsPrincipal Stakeholder() =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, PortalRoles.Stakeholder)],
            "test"));

    private const string CraftedGroupName = "Impact test buyer group";

    /// <summary>
    /// A buyer group with four members (A 2022, B 2023 left 2024, C 2025, D 2025), self-assessments for 2025 (A all 4,
    /// C all 2 submitted, D a draft) and four 2025 tenders: laptops with criteria (100 × 6 years), laptops without
    /// (50 × 4 years), smartphones without (20 × 2 years) and a cancelled one. Created once per fixture.
    /// </summary>
    private async Task<Guid> CraftedGroupAsync()
    {
        await using var db = portal.CreateDbContext();
        if (await db.BuyerGroups.Where(g => g.Name == CraftedGroupName).Select(g => (Guid?)g.Id).SingleOrDefaultAsync() is { } existing)
        {
            return existing;
        }

        var signatory = await db.Signatories.Select(s => s.Id).FirstAsync();
        var group = new BuyerGroup(signatory, CraftedGroupName, "Impact test coordinating body", null);
        db.BuyerGroups.Add(group);
        var country = CountryCode.Parse("NL");
        MemberOrganisation Member(string name, DateOnly joined) =>
            new(group.Id, $"Impact test {name}", Sector.Education, country, null, null, joined);
        var a = Member("A", new DateOnly(2022, 3, 1));
        var b = Member("B", new DateOnly(2023, 6, 1));
        var c = Member("C", new DateOnly(2025, 1, 10));
        var d = Member("D", new DateOnly(2025, 2, 1));
        b.ChangeStatus(MembershipStatus.Left, "Merged into another organisation", new DateOnly(2024, 5, 1));
        db.MemberOrganisations.AddRange(a, b, c, d);

        var at = DateTimeOffset.UtcNow;
        var author = await db.Users.Select(u => u.Id).FirstAsync();
        foreach (var (member, score, submit) in new[] { (a, 4, true), (c, 2, true), (d, 0, false) })
        {
            var assessment = new SelfAssessment(member.Id, 2025, at);
            assessment.Answer(AllThemes(score), author, at);
            if (submit)
            {
                assessment.Submit(author, at);
            }

            db.SelfAssessments.Add(assessment);
        }

        var laptops = await db.CriteriaSets.Include(s => s.Criteria)
            .Join(db.ProductGroups.Where(p => p.Slug == "laptops"), s => s.ProductGroupId, p => p.Id, (s, p) => s)
            .Where(s => s.Status == CriteriaSetStatus.Published)
            .FirstAsync();
        var smartphones = await db.ProductGroups.Where(p => p.Slug == "smartphones").Select(p => p.Id).SingleAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Tender Awarded(MemberOrganisation member, Guid productGroup, int quantity, decimal years)
        {
            var tender = new Tender(member.Id, new TenderDetails($"Impact test tender {quantity}", productGroup, new DateOnly(
                2025,
                3,
                1), null, null, quantity, null, "EUR", false), author, at);
            tender.Publish(new DateOnly(2025, 3, 1), today, at);
            tender.RecordAward(
                new TenderAwardDetails(new DateOnly(2025, 6, 1), "Supplier", "Model", quantity, 500m, 3, years, true),
                today,
                at);
            return tender;
        }

        var withCriteria = Awarded(a, laptops.ProductGroupId, 100, 6m);
        withCriteria.ApplyCriteria(laptops, laptops.Criteria.Take(3).Select(x => x.Id), at);
        var cancelled = new Tender(
            c.Id,
            new TenderDetails("Impact test cancelled", laptops.ProductGroupId, new DateOnly(2025, 4, 1), null, null, 10, null, null, false),
            author,
            at);
        cancelled.Cancel(at);
        db.Tenders.AddRange(withCriteria, Awarded(c, laptops.ProductGroupId, 50, 4m), Awarded(c, smartphones, 20, 2m), cancelled);
        await db.SaveChangesAsync();
        portal.TendersInsertedDirectly();
        return group.Id;
    }
}
