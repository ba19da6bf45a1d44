using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence.Diagnostics;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.IntegrationTests.Onboarding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Onboarding;
using CircularIctPact.Web.Features.Privacy;
using CircularIctPact.Web.Features.SingleSignOn;
using CircularIctPact.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.SingleSignOn;

/// <summary>
/// The rules of signing in with an organisation's account, on the service the sign-in callback calls: which account a
/// provider's sign-in leads to, when it is refused, when the provider's word counts as a second factor. The browser
/// journeys against the running test provider are in the end-to-end tests.
/// </summary>
public sealed class SingleSignOnTests(SingleSignOnPortal portal) : IClassFixture<SingleSignOnPortal>
{
    [Fact]
    public async Task First_sign_in_with_a_verified_address_finds_the_account_but_links_nothing_before_the_sign_in_succeeded()
    {
        var account = await CreateAccountAsync();

        var resolution = await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, NewSubject(), account.Email, emailVerified: true));

        Assert.Null(resolution.Refusal);
        Assert.Equal(account.Id, resolution.UserId);
        Assert.True(resolution.FoundByAddress);
        await AssertNotLinkedAsync(account.Id);
    }

    [Fact]
    public async Task First_sign_in_with_a_verified_address_links_the_account_once_signed_in_and_audits_the_link()
    {
        var account = await CreateAccountAsync();
        var subject = NewSubject();

        var linked = await SignInThroughProviderAsync(
            account,
            Login(SingleSignOnPortal.PlainScheme, subject, account.Email, emailVerified: true));

        Assert.Equal(account.Id, linked?.Id);
        await using var db = portal.CreateDbContext();
        var link = await db.UserLogins.SingleAsync(l => l.UserId == account.Id);
        Assert.Equal((SingleSignOnPortal.PlainScheme, subject), (link.LoginProvider, link.ProviderKey));
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityId == account.Id && e.Action == SingleSignOnAccounts.LinkedAction);
        Assert.Equal(account.Id, entry.ActorUserId);
        Assert.Contains(TestIdentityProvider.PlainProviderName, entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Later_sign_in_finds_the_account_by_its_link_even_when_the_provider_sends_another_address()
    {
        var account = await CreateAccountAsync();
        var subject = NewSubject();
        await SignInThroughProviderAsync(account, Login(SingleSignOnPortal.PlainScheme, subject, account.Email, emailVerified: true));

        var resolution = await ResolveAsync(
            Login(SingleSignOnPortal.PlainScheme, subject, "renamed@ministerie.example", emailVerified: false));

        Assert.Equal(account.Id, resolution.UserId);
        Assert.False(resolution.FoundByAddress);
        await using var db = portal.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityId == account.Id && e.Action == SingleSignOnAccounts.LinkedAction));
    }

    [Fact]
    public async Task Unknown_address_is_refused_and_no_account_is_created()
    {
        var email = $"stranger.{Guid.NewGuid():N}@gemeente.example";
        await using var before = portal.CreateDbContext();
        var accounts = await before.Users.CountAsync();

        var resolution = await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, NewSubject(), email, emailVerified: true));

        Assert.Equal(SingleSignOnRefusal.NoAccount, resolution.Refusal);
        Assert.Null(resolution.UserId);
        await using var after = portal.CreateDbContext();
        Assert.Equal(accounts, await after.Users.CountAsync());
        Assert.False(await after.Users.AnyAsync(u => u.Email == email));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public async Task Address_the_provider_did_not_verify_is_refused_and_the_account_is_not_linked(bool? emailVerified)
    {
        var account = await CreateAccountAsync();

        var resolution = await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, NewSubject(), account.Email, emailVerified));

        Assert.Equal(SingleSignOnRefusal.EmailNotVerified, resolution.Refusal);
        await AssertNotLinkedAsync(account.Id);
    }

    [Fact]
    public async Task Provider_configured_to_treat_addresses_as_verified_links_without_an_email_verified_claim()
    {
        var account = await CreateAccountAsync();

        var resolution = await ResolveAsync(
            Login(SingleSignOnPortal.TrustedAddressesScheme, NewSubject(), account.Email, emailVerified: null));

        Assert.Equal(account.Id, resolution.UserId);
    }

    [Fact]
    public async Task Locked_account_is_refused_and_not_linked()
    {
        var account = await CreateAccountAsync();
        await portal.WithServiceAsync<UserManager<ApplicationUser>>(async users =>
            AssertSucceeded(
                await users.SetLockoutEndDateAsync((await users.FindByIdAsync(account.Id.ToString()))!, DateTimeOffset.MaxValue)));

        var resolution = await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, NewSubject(), account.Email, emailVerified: true));

        Assert.Equal(SingleSignOnRefusal.AccountUnavailable, resolution.Refusal);
        await AssertNotLinkedAsync(account.Id);
    }

    [Fact]
    public async Task Linked_account_that_was_locked_afterwards_is_refused()
    {
        var account = await CreateAccountAsync();
        var subject = NewSubject();
        await SignInThroughProviderAsync(account, Login(SingleSignOnPortal.PlainScheme, subject, account.Email, emailVerified: true));
        await portal.WithServiceAsync<UserManager<ApplicationUser>>(async users =>
            AssertSucceeded(
                await users.SetLockoutEndDateAsync((await users.FindByIdAsync(account.Id.ToString()))!, DateTimeOffset.MaxValue)));

        var resolution = await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, subject, account.Email, emailVerified: true));

        Assert.Equal(SingleSignOnRefusal.AccountUnavailable, resolution.Refusal);
        Assert.Null(resolution.UserId);
    }

    [Fact]
    public async Task Address_with_a_pending_invitation_is_not_signed_in_and_no_account_is_created_before_the_person_accepts()
    {
        var email = await InviteProcurerAsync();

        var resolution = await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, NewSubject(), email, emailVerified: true));

        Assert.Equal(SingleSignOnRefusal.PendingInvitation, resolution.Refusal);
        Assert.Equal(email, resolution.Invitation?.Email);
        Assert.Null(resolution.UserId);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Invited_person_accepts_the_invitation_through_the_provider_and_gets_its_roles_and_the_link()
    {
        var email = await InviteProcurerAsync();
        var login = Login(SingleSignOnPortal.PlainScheme, NewSubject(), email, emailVerified: true);

        var invitation = await PendingInvitationAsync(login);
        var user = await portal.WithServiceAsync<SingleSignOnAccounts, ApplicationUser>(
            accounts => accounts.AcceptInvitationAsync(login, invitation!, " Noor Visser "));
        var later = await ResolveAsync(login);

        Assert.Equal(user.Id, later.UserId);
        await using var db = portal.CreateDbContext();
        var account = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Equal("Noor Visser", account.DisplayName);
        Assert.Null(account.PasswordHash);
        Assert.Equal(await portal.OrganisationIdAsync(DemoDataSeeder.ProcurerOrganisation), account.MemberOrganisationId);
        Assert.True(await db.UserRoles.AnyAsync(
            r => r.UserId == account.Id && db.Roles.Any(role => role.Id == r.RoleId && role.Name == PortalRoles.Procurer)));
        Assert.Equal(login.ProviderKey, (await db.UserLogins.SingleAsync(l => l.UserId == account.Id)).ProviderKey);
        Assert.Equal(account.Id, (await db.Invitations.SingleAsync(i => i.Email == email)).AcceptedUserId);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == account.Id && e.Action == "InvitationAccepted"));
    }

    [Fact]
    public async Task Invitation_waiting_for_the_providers_address_is_found_with_one_query()
    {
        var email = await InviteProcurerAsync();
        var login = Login(SingleSignOnPortal.PlainScheme, NewSubject(), email, emailVerified: true);

        using var tally = SqlCommandCounter.Begin();
        var invitation = await PendingInvitationAsync(login);

        Assert.Equal(email, invitation?.Email);
        Assert.Equal(1, tally.Commands);
    }

    [Fact]
    public async Task Invitation_accepted_through_the_provider_needs_a_display_name_and_creates_nothing_without_one()
    {
        var email = await InviteProcurerAsync();
        var login = Login(SingleSignOnPortal.PlainScheme, NewSubject(), email, emailVerified: true);

        var invitation = await PendingInvitationAsync(login);

        var refused = await Assert.ThrowsAsync<FieldErrorsException>(() =>
            portal.WithServiceAsync<SingleSignOnAccounts, ApplicationUser>(
                accounts => accounts.AcceptInvitationAsync(login, invitation!, "  ")));

        Assert.Equal("Enter the name other members will see.", refused.Errors.Single().Message);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.Null((await db.Invitations.SingleAsync(i => i.Email == email)).AcceptedAt);
    }

    [Fact]
    public async Task Invitation_is_not_accepted_through_a_provider_that_did_not_verify_the_address()
    {
        var email = await InviteProcurerAsync();
        var invitation = await PendingInvitationAsync(Login(SingleSignOnPortal.PlainScheme, NewSubject(), email, emailVerified: true));
        var unverified = Login(SingleSignOnPortal.PlainScheme, NewSubject(), email, emailVerified: false);

        var offered = await PendingInvitationAsync(unverified);
        await Assert.ThrowsAsync<InvitationUnavailableException>(() =>
            portal.WithServiceAsync<SingleSignOnAccounts, ApplicationUser>(
                accounts => accounts.AcceptInvitationAsync(unverified, invitation!, "Noor Visser")));

        Assert.Null(offered);

        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Theory]
    [InlineData(SingleSignOnPortal.PlainScheme, new[] { "pwd" }, false)]
    [InlineData(SingleSignOnPortal.MultiFactorScheme, new[] { "pwd", "mfa" }, true)]
    [InlineData(SingleSignOnPortal.TrustedAddressesScheme, new[] { "pwd", "mfa" }, false)]
    public async Task Sign_in_counts_as_multi_factor_only_when_the_provider_asserts_one_of_its_configured_values(
        string scheme,
        string[] methods,
        bool multiFactor)
    {
        var account = await CreateAccountAsync();

        var resolution = await ResolveAsync(Login(scheme, NewSubject(), account.Email, emailVerified: true, methods));

        Assert.Equal(account.Id, resolution.UserId);
        Assert.Equal(multiFactor, resolution.MultiFactorAsserted);
    }

    [Fact]
    public void Authentication_context_class_counts_as_multi_factor_when_configured()
    {
        var provider = new SingleSignOnProvider(
            "keycloak",
            "Keycloak",
            new HashSet<string>(StringComparer.Ordinal) { "gold" },
            TreatEmailAsVerified: false);

        Assert.True(provider.AssertsMultiFactor(new ClaimsPrincipal(new ClaimsIdentity([new Claim("acr", "gold")]))));
        Assert.False(
            provider.AssertsMultiFactor(new ClaimsPrincipal(new ClaimsIdentity([new Claim("acr", "silver"), new Claim("amr", "pwd")]))));
    }

    [Fact]
    public async Task Removing_the_only_way_to_sign_in_is_refused_and_removing_a_spare_login_is_audited()
    {
        var withoutPassword = await CreateAccountAsync(password: null);
        var onlyWay = NewSubject();
        await SignInThroughProviderAsync(
            withoutPassword,
            Login(SingleSignOnPortal.PlainScheme, onlyWay, withoutPassword.Email, emailVerified: true));
        var withPassword = await CreateAccountAsync();
        var spare = NewSubject();
        await SignInThroughProviderAsync(
            withPassword,
            Login(SingleSignOnPortal.PlainScheme, spare, withPassword.Email, emailVerified: true));

        var keptOnlyWay = await UnlinkAsync(withoutPassword, onlyWay);
        var removedSpare = await UnlinkAsync(withPassword, spare);

        Assert.False(keptOnlyWay);
        Assert.True(removedSpare);
        await using var db = portal.CreateDbContext();
        Assert.True(await db.UserLogins.AnyAsync(l => l.UserId == withoutPassword.Id));
        Assert.False(await db.UserLogins.AnyAsync(l => l.UserId == withPassword.Id));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == withPassword.Id && e.Action == SingleSignOnAccounts.UnlinkedAction));
    }

    [Fact]
    public async Task Provider_login_of_another_account_is_not_linked_from_the_account_pages()
    {
        var holder = await CreateAccountAsync();
        var subject = NewSubject();
        await SignInThroughProviderAsync(holder, Login(SingleSignOnPortal.PlainScheme, subject, holder.Email, emailVerified: true));
        var other = await CreateAccountAsync();

        var outcome = await portal.WithServiceAsync<SingleSignOnAccounts, ExternalLoginLinkOutcome>(async accounts =>
            await accounts.LinkAsync(
                await portal.PrincipalForAsync(other.Email!),
                Login(SingleSignOnPortal.PlainScheme, subject, holder.Email, emailVerified: true)));

        Assert.Equal(ExternalLoginLinkOutcome.LinkedToAnotherAccount, outcome);
        await AssertNotLinkedAsync(other.Id);
    }

    [Fact]
    public async Task Personal_data_export_names_the_linked_organisation_sign_ins()
    {
        var account = await CreateAccountAsync();
        var subject = NewSubject();
        await SignInThroughProviderAsync(account, Login(SingleSignOnPortal.PlainScheme, subject, account.Email, emailVerified: true));
        var person = await portal.PrincipalForAsync(account.Email!);

        var json = Encoding.UTF8.GetString(await portal.WithServiceAsync<PersonalDataSelfService, byte[]>(s => s.ExportAsync(person)));

        Assert.Contains(TestIdentityProvider.PlainProviderName, json, StringComparison.Ordinal);
        Assert.Contains(subject, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_page_offers_each_provider_and_sends_the_browser_to_it_with_pkce()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Account/Login?ReturnUrl=%2Ftenders"));
        var link = $"href=\"Account/ExternalLogin/Challenge?provider={SingleSignOnPortal.PlainScheme}&returnUrl=%2Ftenders\"";
        var response = await client.GetAsync(
            $"/Account/ExternalLogin/Challenge?provider={SingleSignOnPortal.PlainScheme}&returnUrl=%2Ftenders");

        Assert.Contains($"Sign in with {TestIdentityProvider.PlainProviderName}", page, StringComparison.Ordinal);
        Assert.Contains($"Sign in with {TestIdentityProvider.MultiFactorProviderName}", page, StringComparison.Ordinal);
        Assert.Contains(link, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(portal.Provider.Authority.Authority, location.Authority);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(TestIdentityProvider.PlainProviderKey, query["client_id"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.False(string.IsNullOrEmpty(query["code_challenge"].ToString()));
        Assert.Equal($"http://localhost/signin-{SingleSignOnPortal.PlainScheme}", query["redirect_uri"].ToString());
    }

    [Fact]
    public async Task Unknown_provider_in_the_sign_in_address_goes_back_to_the_sign_in_page()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/Account/ExternalLogin/Challenge?provider=Identity.Application");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Answer_at_the_callback_that_cannot_be_read_leads_to_the_failure_page_not_an_error()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/signin-{SingleSignOnPortal.PlainScheme}?error=access_denied&state=forged");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/ExternalLogin?failed=true", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("has space", "https://login.example.org/", "portal", "a provider key may hold only")]
    [InlineData("uni", "not an address", "portal", "uni:Authority must be")]
    [InlineData("uni", "https://login.example.org/", "", "uni:ClientId is required")]
    public void Misconfigured_provider_stops_the_portal_at_start_with_the_setting_named(
        string key,
        string authority,
        string clientId,
        string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{Web.Hosting.SingleSignOn.ProvidersSection}:{key}:Authority"] = authority,
            [$"{Web.Hosting.SingleSignOn.ProvidersSection}:{key}:ClientId"] = clientId,
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSingleSignOn(configuration));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "did not finish")]
    [InlineData("nl", "is niet voltooid")]
    [InlineData("fr", "n'a pas abouti")]
    [InlineData("de", "nicht abgeschlossen")]
    public async Task Sign_in_that_failed_at_the_provider_gets_a_page_in_the_persons_language(string culture, string text)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/Account/ExternalLogin?failed=true&culture={culture}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-reason=\"ProviderFailed\"", html, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_pages_offer_to_link_each_provider()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(client, DemoAccounts.Procurer);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Account/Manage/ExternalLogins"));

        Assert.Contains("Your account is not linked to an organisation's sign-in.", page, StringComparison.Ordinal);
        Assert.Contains($"Link sign-in with {TestIdentityProvider.PlainProviderName}", page, StringComparison.Ordinal);
        Assert.Contains("href=\"Account/Manage/ExternalLogins\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_from_the_account_page_carries_a_token_and_asks_the_provider_for_a_fresh_sign_in()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(client, DemoAccounts.Procurer);

        var response = await client.GetAsync(await LinkAddressOnTheAccountPageAsync(client, SingleSignOnPortal.PlainScheme));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(portal.Provider.Authority.Authority, location.Authority);
        Assert.Equal("login", QueryHelpers.ParseQuery(location.Query)["prompt"].ToString());
    }

    [Fact]
    public async Task Link_started_without_the_token_of_the_signed_in_person_is_refused()
    {
        using var procurer = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(procurer, DemoAccounts.Procurer);
        using var coordinator = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(coordinator, DemoAccounts.CoordinatorNetherlands);
        var coordinatorsLink = await LinkAddressOnTheAccountPageAsync(coordinator, SingleSignOnPortal.PlainScheme);
        var otherProvidersToken = QueryHelpers.ParseQuery(new Uri(
            new Uri("http://localhost/"),
            await LinkAddressOnTheAccountPageAsync(procurer, SingleSignOnPortal.MultiFactorScheme)).Query)["token"]
            .ToString();

        var withoutToken = await procurer.GetAsync($"/Account/Manage/ExternalLogins/Link?provider={SingleSignOnPortal.PlainScheme}");
        var withAnotherPersonsToken = await procurer.GetAsync(coordinatorsLink);
        var withAnotherProvidersToken = await procurer.GetAsync(
            $"/Account/Manage/ExternalLogins/Link?provider={SingleSignOnPortal.PlainScheme}"
            + $"&token={Uri.EscapeDataString(otherProvidersToken)}");

        foreach (var refused in new[] { withoutToken, withAnotherPersonsToken, withAnotherProvidersToken })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/Account/Manage/ExternalLogins?Status=link-expired", refused.Headers.Location!.OriginalString);
        }

        var page = WebUtility.HtmlDecode(await procurer.GetStringAsync("/Account/Manage/ExternalLogins?Status=link-expired"));
        Assert.Contains("That link to your organisation has expired or was not made for you.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secretariat_admin_who_has_not_finished_the_set_up_is_refused_and_not_linked()
    {
        var admin = await CreateAccountAsync(password: null);
        await portal.WithServiceAsync<UserManager<ApplicationUser>>(async users =>
            AssertSucceeded(await users.AddToRoleAsync((await users.FindByIdAsync(admin.Id.ToString()))!, PortalRoles.SecretariatAdmin)));
        var login = Login(SingleSignOnPortal.MultiFactorScheme, NewSubject(), admin.Email, emailVerified: true, "pwd", "mfa");

        var resolution = await ResolveAsync(login);
        var linkedAfterwards = await portal.WithServiceAsync<SingleSignOnAccounts, ApplicationUser?>(async accounts =>
            await accounts.LinkAfterSignInAsync(await portal.PrincipalForAsync(admin.Email!), login.LoginProvider, login.ProviderKey));

        Assert.Equal(SingleSignOnRefusal.SetUpUnfinished, resolution.Refusal);
        Assert.Null(resolution.UserId);
        Assert.Null(linkedAfterwards);
        await AssertNotLinkedAsync(admin.Id);
    }

    [Fact]
    public async Task Invitation_granting_secretariat_rights_is_neither_offered_nor_accepted_through_a_provider()
    {
        var email = Onboard.Email("invited.admin");
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        await portal.WithServiceAsync<Invitations, Guid>(s =>
            s.InviteAsync(
                admin,
                new InvitationRequest(email, "Ada Secretariat", [PortalRoles.SecretariatAdmin], null, [], []),
                "https://portal.example.org/"));
        var login = Login(SingleSignOnPortal.PlainScheme, NewSubject(), email, emailVerified: true);
        var invitation = await portal.WithServiceAsync<InvitationAcceptance, InvitationView?>(s => s.DescribePendingForAsync(email));

        var resolution = await ResolveAsync(login);
        var offered = await PendingInvitationAsync(login);
        await Assert.ThrowsAsync<InvitationUnavailableException>(() =>
            portal.WithServiceAsync<SingleSignOnAccounts, ApplicationUser>(
                accounts => accounts.AcceptInvitationAsync(login, invitation!, "Ada Secretariat")));

        Assert.Equal(SingleSignOnRefusal.InvitationNeedsMailedLink, resolution.Refusal);
        Assert.Null(resolution.Invitation);
        Assert.Null(offered);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.Null((await db.Invitations.SingleAsync(i => i.Email == email)).AcceptedAt);
    }

    [Fact]
    public async Task Address_outside_the_providers_allowed_domains_is_refused_and_not_linked()
    {
        var account = await CreateAccountAsync(domain: "gemeente.example");
        var login = Login(SingleSignOnPortal.TrustedAddressesScheme, NewSubject(), account.Email, emailVerified: null);

        var resolution = await ResolveAsync(login);

        Assert.Equal(SingleSignOnRefusal.DomainNotAllowed, resolution.Refusal);
        await AssertNotLinkedAsync(account.Id);
    }

    [Fact]
    public async Task Invitation_outside_the_providers_allowed_domains_is_not_offered()
    {
        var email = await InviteProcurerAsync();

        var offered = await PendingInvitationAsync(
            Login(SingleSignOnPortal.TrustedAddressesScheme, NewSubject(), email, emailVerified: null));

        Assert.NotEqual(SingleSignOnPortal.TrustedDomain, email.Split('@')[1]);
        Assert.Null(offered);
    }

    [Fact]
    public void Provider_that_takes_addresses_as_verified_must_list_its_allowed_domains()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{Web.Hosting.SingleSignOn.ProvidersSection}:entra:Authority"] =
                "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
            [$"{Web.Hosting.SingleSignOn.ProvidersSection}:entra:ClientId"] = "portal",
            [$"{Web.Hosting.SingleSignOn.ProvidersSection}:entra:TreatEmailAsVerified"] = "true",
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSingleSignOn(configuration));

        Assert.Contains(
            "entra:AllowedEmailDomains is required when TreatEmailAsVerified is true",
            refused.Message,
            StringComparison.Ordinal);
    }

    private static async Task<string> LinkAddressOnTheAccountPageAsync(HttpClient client, string scheme)
    {
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Account/Manage/ExternalLogins"));
        var link = Regex.Match(
            page,
            $"href=\"(?<href>Account/Manage/ExternalLogins/Link\\?provider={Regex.Escape(scheme)}&token=[^\"]+)\"");
        Assert.True(link.Success, $"No link for {scheme} on the account page.");
        return "/" + link.Groups["href"].Value;
    }

    private Task<InvitationView?> PendingInvitationAsync(ExternalLoginInfo login) =>
        portal.WithServiceAsync<SingleSignOnAccounts, InvitationView?>(accounts => accounts.PendingInvitationAsync(login));

    /// <summary>
    /// What the sign-in page and the end of the sign-in do for a first sign-in by address: find the account, then link once signed in.
    /// </summary>
    private async Task<ApplicationUser?> SignInThroughProviderAsync(ApplicationUser account, ExternalLoginInfo login)
    {
        var resolution = await ResolveAsync(login);
        Assert.Equal(account.Id, resolution.UserId);
        var person = await portal.PrincipalForAsync(account.Email!);
        return await portal.WithServiceAsync<SingleSignOnAccounts, ApplicationUser?>(
            accounts => accounts.LinkAfterSignInAsync(person, login.LoginProvider, login.ProviderKey));
    }

    private async Task<string> InviteProcurerAsync()
    {
        var email = Onboard.Email("invited.sso");
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var organisation = await portal.OrganisationIdAsync(DemoDataSeeder.ProcurerOrganisation);
        await portal.WithServiceAsync<Invitations, Guid>(s =>
            s.InviteAsync(
                coordinator,
                new InvitationRequest(email, "Noor Visser", [PortalRoles.Procurer], organisation, [], []),
                "https://portal.example.org/"));
        return email;
    }

    private static string NewSubject() => Guid.NewGuid().ToString("N");

    private static ExternalLoginInfo Login(string scheme, string subject, string? email, bool? emailVerified, params string[] methods)
    {
        List<Claim> claims = [new("sub", subject), new(ClaimTypes.NameIdentifier, subject)];
        if (email is not null)
        {
            claims.Add(new Claim("email", email));
        }

        if (emailVerified is { } verified)
        {
            claims.Add(new Claim("email_verified", verified ? "true" : "false", ClaimValueTypes.Boolean));
        }

        claims.AddRange(methods.Select(method => new Claim("amr", method)));
        return new ExternalLoginInfo(new ClaimsPrincipal(new ClaimsIdentity(claims, scheme)), scheme, subject, scheme);
    }

    private Task<SingleSignOnResolution> ResolveAsync(ExternalLoginInfo login) =>
        portal.WithServiceAsync<SingleSignOnAccounts, SingleSignOnResolution>(accounts => accounts.ResolveAsync(login));

    private async Task<bool> UnlinkAsync(ApplicationUser account, string subject)
    {
        var person = await portal.PrincipalForAsync(account.Email!);
        return await portal.WithServiceAsync<SingleSignOnAccounts, bool>(
            accounts => accounts.UnlinkAsync(person, SingleSignOnPortal.PlainScheme, subject));
    }

    private async Task<ApplicationUser> CreateAccountAsync(
        string? password = DemoAccounts.Password,
        string domain = SingleSignOnPortal.TrustedDomain)
    {
        var email = $"member.{Guid.NewGuid():N}@{domain}";
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Sam Verbeke",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await portal.WithServiceAsync<UserManager<ApplicationUser>>(async users =>
            AssertSucceeded(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password)));
        return user;
    }

    private async Task AssertNotLinkedAsync(Guid userId)
    {
        await using var db = portal.CreateDbContext();
        Assert.False(await db.UserLogins.AnyAsync(l => l.UserId == userId));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityId == userId && e.Action == SingleSignOnAccounts.LinkedAction));
    }

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
