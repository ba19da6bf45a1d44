using System.Net;
using AngleSharp.Html.Parser;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Home;
using CircularIctPact.Web.Features.Members;
using CircularIctPact.Web.Features.Onboarding;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Onboarding;

public sealed class ApplicationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string BaseUri = "https://portal.example.org/";

    [Fact]
    public async Task An_empty_join_form_reports_every_required_field_at_once()
    {
        var groupId = await portal.GroupIdAsync(DemoDataSeeder.DutchBuyerGroup);
        var details = new ApplicantDetails(null, null, null, null, null, null, null, null, null, null);

        var errors = await Assert.ThrowsAsync<FieldErrorsException>(() =>
            portal.WithServiceAsync<MembershipApplications, SubmittedApplication>(s => s.SubmitAsync(groupId, details)));

        Assert.Superset(
            new HashSet<FormField>
            {
                MembershipApplicationFields.LegalName,
                MembershipApplicationFields.Sector,
                MembershipApplicationFields.Country,
                MembershipApplicationFields.ContactName,
                MembershipApplicationFields.ContactEmail,
            },
            errors.Errors.Select(e => e.Field!.Value).ToHashSet());
    }

    [Fact]
    public async Task Submit_with_bad_input_reports_a_message_for_each_field_and_saves_nothing()
    {
        var groupId = await portal.GroupIdAsync(DemoDataSeeder.DutchBuyerGroup);
        var details = new ApplicantDetails("  ", null, "XX", "not a website", null, null, "", "anna@", null, null);
        await using var before = portal.CreateDbContext();
        var count = await before.MembershipApplications.CountAsync();

        var errors = await Assert.ThrowsAsync<FieldErrorsException>(() =>
            portal.WithServiceAsync<MembershipApplications, SubmittedApplication>(s => s.SubmitAsync(groupId, details)));

        var byField = errors.Errors.ToDictionary(e => e.Field!.Value, e => e.Message);
        Assert.Equal("Legal name is required.", byField[MembershipApplicationFields.LegalName]);
        Assert.Contains("sector", byField[MembershipApplicationFields.Sector], StringComparison.Ordinal);
        Assert.Contains("not an ISO 3166 country code", byField[MembershipApplicationFields.Country], StringComparison.Ordinal);
        Assert.Contains("not a valid website address", byField[MembershipApplicationFields.Website], StringComparison.Ordinal);
        Assert.Equal("Contact name is required.", byField[MembershipApplicationFields.ContactName]);
        Assert.Contains("not a valid e-mail address", byField[MembershipApplicationFields.ContactEmail], StringComparison.Ordinal);
        await using var after = portal.CreateDbContext();
        Assert.Equal(count, await after.MembershipApplications.CountAsync());
    }

    [Fact]
    public async Task Submit_without_a_buyer_group_asks_to_choose_one()
    {
        var errors = await Assert.ThrowsAsync<FieldErrorsException>(() =>
            portal.WithServiceAsync<MembershipApplications, SubmittedApplication>(s => s.SubmitAsync(Guid.NewGuid(), Onboard.Applicant())));

        Assert.Contains(errors.Errors, e => e.Field == MembershipApplications.BuyerGroupField
            && e.Message.Contains("Choose the buyer group", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Public_form_post_without_javascript_shows_messages_next_to_the_fields()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var groupId = await portal.GroupIdAsync(DemoDataSeeder.DutchBuyerGroup);

        var response = await FormSignIn.PostFormAsync(client, "/join", "join", new Dictionary<string, string>
        {
            ["Input.BuyerGroupId"] = groupId.ToString(),
            ["Input.LegalName"] = "",
            ["Input.Sector"] = nameof(Sector.Education),
            ["Input.Country"] = "Holland",
            ["Input.Website"] = "https://",
            ["Input.ContactName"] = "Piet",
            ["Input.ContactEmail"] = "piet at example",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        FieldErrorMarkup.AssertTiedError(html, "Input.LegalName", "Legal name is required.");
        FieldErrorMarkup.AssertTiedError(html, "Input.Country", "'Holland' is not an ISO 3166 country code");
        FieldErrorMarkup.AssertTiedError(html, "Input.ContactEmail", "'piet at example' is not a valid e-mail address.");
        FieldErrorMarkup.AssertTiedError(html, "Input.Website", "not a valid website address");
        Assert.DoesNotContain("aria-describedby", FieldErrorMarkup.InputTag(html, "Input.ContactName"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_form_post_lists_every_refused_field_above_the_form_in_form_order_linked_to_its_input()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var response = await FormSignIn.PostFormAsync(client, "/join?culture=nl", "join", new Dictionary<string, string>
        {
            ["Input.LegalName"] = "",
            ["Input.Country"] = "Holland",
            ["Input.ContactEmail"] = "piet at example",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var summary = document.QuerySelector("[data-testid=error-summary]");
        Assert.NotNull(summary);
        Assert.Equal("alert", summary.GetAttribute("role"));
        var links = summary.QuerySelectorAll("a[data-testid=error-summary-link]");
        var targets = links.Select(link => link.GetAttribute("href")!.TrimStart('#')).ToList();
        Assert.Equal(
            ["Input.BuyerGroupId", "Input.LegalName", "Input.Sector", "Input.Country", "Input.ContactName", "Input.ContactEmail"],
            targets.Distinct());
        Assert.All(targets, target => Assert.NotNull(document.QuerySelector($"[id='{target}']")));
        Assert.Contains(links, link => link.TextContent.Contains("Juridische naam", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Public_form_post_records_the_application_and_shows_the_confirmation_and_acknowledges_by_mail()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var groupId = await portal.GroupIdAsync(DemoDataSeeder.DutchBuyerGroup);
        var name = Onboard.Unique("Gemeente Formulierdorp");
        var email = Onboard.Email("contact");

        var response = await FormSignIn.PostFormAsync(client, "/join", "join", new Dictionary<string, string>
        {
            ["Input.BuyerGroupId"] = groupId.ToString(),
            ["Input.LegalName"] = name,
            ["Input.Sector"] = nameof(Sector.RegionalOrLocalGovernment),
            ["Input.Country"] = "nl",
            ["Input.Website"] = $"{Guid.NewGuid():N}.example.nl",
            ["Input.ContactName"] = "Piet Jansen",
            ["Input.ContactEmail"] = email,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains(name, confirmation, StringComparison.Ordinal);
        Assert.Contains("Thank you", confirmation, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        var saved = await db.MembershipApplications.SingleAsync(a => a.LegalName == name);
        Assert.Equal(ApplicationStatus.Pending, saved.Status);
        Assert.Equal("NL", saved.CountryCode.Value);
        var acknowledgement = Assert.Single(portal.To(email));
        Assert.Contains("We received the application", acknowledgement.Subject, StringComparison.Ordinal);
        Assert.NotEmpty(portal.To(DemoAccounts.CoordinatorNetherlands));
    }

    [Fact]
    public async Task Application_filed_in_french_is_acknowledged_and_decided_in_french_and_coordinators_read_their_own_language()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var groupId = await portal.GroupIdAsync(DemoDataSeeder.DutchBuyerGroup);
        var name = Onboard.Unique("Ville de Formulaire");
        var email = Onboard.Email("contact.fr");

        var response = await FormSignIn.PostFormAsync(client, "/join?culture=fr", "join", new Dictionary<string, string>
        {
            ["Input.BuyerGroupId"] = groupId.ToString(),
            ["Input.LegalName"] = name,
            ["Input.Sector"] = nameof(Sector.RegionalOrLocalGovernment),
            ["Input.Country"] = "be",
            ["Input.Website"] = $"{Guid.NewGuid():N}.example.be",
            ["Input.ContactName"] = "Claire Dubois",
            ["Input.ContactEmail"] = email,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var acknowledgement = Assert.Single(portal.To(email));
        Assert.Equal($"Nous avons bien reçu la candidature de {name}", acknowledgement.Subject);
        Assert.Contains("Bonjour Claire Dubois,", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains(
            portal.To(DemoAccounts.CoordinatorNetherlands),
            mail => mail.Subject == $"New application for {DemoDataSeeder.DutchBuyerGroup}: {name}");

        await using var db = portal.CreateDbContext();
        var applicationId = await db.MembershipApplications.Where(a => a.LegalName == name).Select(a => a.Id).SingleAsync();
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        await portal.WithServiceAsync<MembershipApplications>(s => s.RejectAsync(coordinator, applicationId, "Only Dutch buyers."));

        var decision = portal.To(email).Last();
        Assert.Equal($"Votre candidature pour rejoindre {DemoDataSeeder.DutchBuyerGroup}", decision.Subject);
        Assert.Contains("Leur motif :", decision.TextBody, StringComparison.Ordinal);
        Assert.Contains("Only Dutch buyers.", decision.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organisation_already_in_the_group_cannot_apply_again_by_name_or_website()
    {
        var groupId = await portal.GroupIdAsync(DemoDataSeeder.DutchBuyerGroup);
        var details = Onboard.Applicant(DemoDataSeeder.ProcurerOrganisation) with { Website = "https://rivierstad.example.nl/" };

        var errors = await Assert.ThrowsAsync<FieldErrorsException>(() =>
            portal.WithServiceAsync<MembershipApplications, SubmittedApplication>(s => s.SubmitAsync(groupId, details)));

        Assert.Contains(
            errors.Errors,
            e => e.Field == MembershipApplicationFields.LegalName && e.Message.Contains("already a member", StringComparison.Ordinal));
        Assert.Contains(
            errors.Errors,
            e => e.Field == MembershipApplicationFields.Website && e.Message.Contains("already a member", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Second_application_of_a_pending_organisation_is_refused_as_duplicate()
    {
        var first = Onboard.Applicant();
        await portal.ApplyToDutchGroupAsync(first);

        var errors = await Assert.ThrowsAsync<FieldErrorsException>(
            () => portal.ApplyToDutchGroupAsync(first with { LegalName = first.LegalName!.ToUpperInvariant() }));

        Assert.Contains(
            errors.Errors,
            e => e.Field == MembershipApplicationFields.LegalName && e.Message.Contains("already applied", StringComparison.Ordinal));
        Assert.Contains(
            errors.Errors,
            e => e.Field == MembershipApplicationFields.Website && e.Message.Contains("waiting for a decision", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Coordinator_approves_into_a_tier_which_creates_an_active_member_audits_and_mails_the_contact()
    {
        var details = Onboard.Applicant();
        var submitted = await portal.ApplyToDutchGroupAsync(details);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var groups = await portal.WithServiceAsync<MembershipApplications, IReadOnlyList<GroupOption>>(s => s.GroupsAsync(coordinator));
        var peloton = groups.Single().Tiers.Single(t => t.Name == "Peloton");

        var memberId = await portal.WithServiceAsync<MembershipApplications, Guid>(
            s => s.ApproveAsync(coordinator, submitted.Id, peloton.Id, BaseUri));

        await using var db = portal.CreateDbContext();
        var member = await db.MemberOrganisations.SingleAsync(m => m.Id == memberId);
        Assert.Equal(details.LegalName, member.LegalName);
        Assert.Equal(MembershipStatus.Active, member.Status);
        Assert.Equal(peloton.Id, member.TierId);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), member.JoinedOn);
        Assert.Equal(SizeBand.Medium, member.SizeBand);
        var application = await db.MembershipApplications.SingleAsync(a => a.Id == submitted.Id);
        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal(memberId, application.MemberOrganisationId);
        Assert.NotNull(application.DecidedAt);
        var groupId = await portal.GroupIdAsync(DemoDataSeeder.DutchBuyerGroup);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == submitted.Id && e.Action == "Approved" && e.BuyerGroupId == groupId));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == memberId && e.Action == "Created" && e.BuyerGroupId == groupId));
        var mail = portal.To(details.ContactEmail!).Last();
        Assert.Contains("approved", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("invitation", mail.TextBody, StringComparison.Ordinal);
        var link = portal.InvitationLinkFor(details.ContactEmail!);
        Assert.StartsWith($"{BaseUri}invitation/accept?token=", link, StringComparison.Ordinal);
        var invitation = await db.Invitations.SingleAsync(i => i.Email == details.ContactEmail);
        Assert.Equal(memberId, invitation.MemberOrganisationId);
        Assert.Equal([PortalRoles.Procurer], invitation.Roles);

        var procurer = await portal.WithServiceAsync<InvitationAcceptance, Infrastructure.Identity.ApplicationUser>(
            s => s.AcceptAsync(MailDrop.TokenOf(link), details.ContactName, "Fresh!Start2026"));
        Assert.Equal(memberId, procurer.MemberOrganisationId);
    }

    [Fact]
    public async Task Deciding_an_application_twice_is_refused_with_a_clear_message()
    {
        var submitted = await portal.ApplyToDutchGroupAsync();
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var tier = await PelotonAsync(coordinator);
        await portal.WithServiceAsync<MembershipApplications, Guid>(s => s.ApproveAsync(coordinator, submitted.Id, tier, BaseUri));

        var again = await Assert.ThrowsAsync<DomainException>(
            () => portal.WithServiceAsync<MembershipApplications, Guid>(s => s.ApproveAsync(coordinator, submitted.Id, tier, BaseUri)));
        var reject = await Assert.ThrowsAsync<DomainException>(
            () => portal.WithServiceAsync<MembershipApplications>(s => s.RejectAsync(coordinator, submitted.Id, "Changed our mind")));

        Assert.Contains("already approved", again.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be decided again", reject.Message, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.Equal(1, await db.MemberOrganisations.CountAsync(m => m.LegalName == submitted.LegalName));
    }

    [Fact]
    public async Task Approve_without_a_tier_of_the_group_is_refused()
    {
        var submitted = await portal.ApplyToDutchGroupAsync();
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);

        var problem = await Assert.ThrowsAsync<DomainException>(() => portal.WithServiceAsync<MembershipApplications, Guid>(
            s => s.ApproveAsync(coordinator, submitted.Id, Guid.NewGuid(), BaseUri)));

        Assert.Equal(MembershipApplications.TierField, problem.Field);
    }

    [Fact]
    public async Task Reject_requires_a_reason_and_mails_it_html_encoded_to_the_contact()
    {
        var details = Onboard.Applicant("Acme <script>alert(1)</script> BV");
        var submitted = await portal.ApplyToDutchGroupAsync(details);
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);

        var missing = await Assert.ThrowsAsync<DomainException>(
            () => portal.WithServiceAsync<MembershipApplications>(s => s.RejectAsync(coordinator, submitted.Id, "   ")));
        Assert.Equal(MembershipApplicationFields.Reason, missing.Field);

        await portal.WithServiceAsync<MembershipApplications>(
            s => s.RejectAsync(coordinator, submitted.Id, "Only public buyers & <b>non-profits</b> can join."));

        await using var db = portal.CreateDbContext();
        var application = await db.MembershipApplications.SingleAsync(a => a.Id == submitted.Id);
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Equal("Only public buyers & <b>non-profits</b> can join.", application.DecisionReason);
        var mail = portal.To(details.ContactEmail!).Last();
        Assert.Contains("Only public buyers & <b>non-profits</b> can join.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Only public buyers &amp; &lt;b&gt;non-profits&lt;/b&gt; can join.", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.False(await db.MemberOrganisations.AnyAsync(m => m.LegalName == details.LegalName));
    }

    [Fact]
    public async Task Coordinator_of_another_group_cannot_list_read_approve_or_reject_the_groups_applications()
    {
        var submitted = await portal.ApplyToDutchGroupAsync();
        var dutchGroup = await portal.GroupIdAsync(DemoDataSeeder.DutchBuyerGroup);
        var belgian = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var dutchTier = await PelotonAsync(await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands));

        var ownList = await portal.WithServiceAsync<MembershipApplications, IReadOnlyList<ApplicationRow>>(
            s => s.ListAsync(belgian, new ApplicationFilter(null, null, null)));
        Assert.DoesNotContain(ownList, row => row.BuyerGroupId == dutchGroup);
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.WithServiceAsync<MembershipApplications, IReadOnlyList<ApplicationRow>>(
            s => s.ListAsync(belgian, new ApplicationFilter(dutchGroup, null, null))));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MembershipApplications, ApplicationRow>(s => s.GetAsync(belgian, submitted.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MembershipApplications, Guid>(s => s.ApproveAsync(belgian, submitted.Id, dutchTier, BaseUri)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MembershipApplications>(s => s.RejectAsync(belgian, submitted.Id, "Not ours")));

        await using var db = portal.CreateDbContext();
        Assert.Equal(ApplicationStatus.Pending, (await db.MembershipApplications.SingleAsync(a => a.Id == submitted.Id)).Status);
    }

    public static TheoryData<string?> PeopleWithoutAccess => [DemoAccounts.Procurer, DemoAccounts.Chair, null];

    [Theory]
    [MemberData(nameof(PeopleWithoutAccess))]
    public async Task Procurer_chair_and_anonymous_cannot_list_read_or_decide_applications(string? email)
    {
        var submitted = await portal.ApplyToDutchGroupAsync();
        var user = email is null ? PortalFactoryExtensions.Anonymous : await portal.PrincipalForAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.WithServiceAsync<MembershipApplications, IReadOnlyList<ApplicationRow>>(
            s => s.ListAsync(user, new ApplicationFilter(null, null, null))));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MembershipApplications, ApplicationRow>(s => s.GetAsync(user, submitted.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MembershipApplications, Guid>(s => s.ApproveAsync(user, submitted.Id, Guid.NewGuid(), BaseUri)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<MembershipApplications>(s => s.RejectAsync(user, submitted.Id, "No")));
    }

    [Fact]
    public async Task Secretariat_sees_applications_of_every_group_and_filters_them()
    {
        var submitted = await portal.ApplyToDutchGroupAsync();
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);

        var pending = await portal.WithServiceAsync<MembershipApplications, IReadOnlyList<ApplicationRow>>(
            s => s.ListAsync(admin, new ApplicationFilter(null, ApplicationStatus.Pending, submitted.LegalName[^8..])));
        var rejected = await portal.WithServiceAsync<MembershipApplications, IReadOnlyList<ApplicationRow>>(
            s => s.ListAsync(admin, new ApplicationFilter(null, ApplicationStatus.Rejected, submitted.LegalName[^8..])));

        Assert.Equal(submitted.Id, Assert.Single(pending).Id);
        Assert.Empty(rejected);
        Assert.True(await portal.WithServiceAsync<MembershipApplications, int>(s => s.PendingCountAsync(admin)) >= 1);
    }

    [Fact]
    public async Task Pending_application_is_counted_on_the_home_page_of_the_groups_coordinators_only()
    {
        var dutch = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var belgian = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var before = await portal.WithServiceAsync<HomeDashboard, HomeFigures>(s => s.GetAsync(dutch));
        var belgianBefore = await portal.WithServiceAsync<HomeDashboard, HomeFigures>(s => s.GetAsync(belgian));

        await portal.ApplyToDutchGroupAsync();

        var after = await portal.WithServiceAsync<HomeDashboard, HomeFigures>(s => s.GetAsync(dutch));
        var belgianAfter = await portal.WithServiceAsync<HomeDashboard, HomeFigures>(s => s.GetAsync(belgian));
        Assert.Equal(before.CoordinatedGroups.Single().Applications + 1, after.CoordinatedGroups.Single().Applications);
        Assert.Equal(belgianBefore.CoordinatedGroups.Single().Applications, belgianAfter.CoordinatedGroups.Single().Applications);
    }

    [Fact]
    public async Task Applications_page_redirects_anonymous_visitors_to_sign_in()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private async Task<Guid> PelotonAsync(System.Security.Claims.ClaimsPrincipal coordinator)
    {
        var groups = await portal.WithServiceAsync<MembershipApplications, IReadOnlyList<GroupOption>>(s => s.GroupsAsync(coordinator));
        return groups.Single(g => g.Name == DemoDataSeeder.DutchBuyerGroup).Tiers.Single(t => t.Name == "Peloton").Id;
    }
}
