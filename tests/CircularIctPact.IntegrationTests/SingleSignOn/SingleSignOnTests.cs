using System.Net;
using System.Security.Claims;
using System.Text;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
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
    public async Task First_sign_in_with_a_verified_address_links_the_existing_account_and_audits_the_link()
    {
        var account = await CreateAccountAsync();
        var subject = NewSubject();

        var resolution = await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, subject, account.Email, emailVerified: true));

        Assert.Null(resolution.Refusal);
        Assert.Equal(account.Id, resolution.UserId);
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
        await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, subject, account.Email, emailVerified: true));

        var resolution = await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, subject, "renamed@ministerie.example", emailVerified: false));

        Assert.Equal(account.Id, resolution.UserId);
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

        var resolution = await ResolveAsync(Login(SingleSignOnPortal.TrustedAddressesScheme, NewSubject(), account.Email, emailVerified: null));

        Assert.Equal(account.Id, resolution.UserId);
    }

    [Fact]
    public async Task Locked_account_is_refused_and_not_linked()
    {
        var account = await CreateAccountAsync();
        await portal.WithServiceAsync<UserManager<ApplicationUser>>(async users =>
            AssertSucceeded(await users.SetLockoutEndDateAsync((await users.FindByIdAsync(account.Id.ToString()))!, DateTimeOffset.MaxValue)));

        var resolution = await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, NewSubject(), account.Email, emailVerified: true));

        Assert.Equal(SingleSignOnRefusal.AccountUnavailable, resolution.Refusal);
        await AssertNotLinkedAsync(account.Id);
    }

    [Fact]
    public async Task Linked_account_that_was_locked_afterwards_is_refused()
    {
        var account = await CreateAccountAsync();
        var subject = NewSubject();
        await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, subject, account.Email, emailVerified: true));
        await portal.WithServiceAsync<UserManager<ApplicationUser>>(async users =>
            AssertSucceeded(await users.SetLockoutEndDateAsync((await users.FindByIdAsync(account.Id.ToString()))!, DateTimeOffset.MaxValue)));

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

        var user = await portal.WithServiceAsync<SingleSignOnAccounts, ApplicationUser>(accounts => accounts.AcceptInvitationAsync(login, " Noor Visser "));
        var later = await ResolveAsync(login);

        Assert.Equal(user.Id, later.UserId);
        await using var db = portal.CreateDbContext();
        var account = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Equal("Noor Visser", account.DisplayName);
        Assert.Null(account.PasswordHash);
        Assert.Equal(await portal.OrganisationIdAsync(DemoDataSeeder.ProcurerOrganisation), account.MemberOrganisationId);
        Assert.True(await db.UserRoles.AnyAsync(r => r.UserId == account.Id && db.Roles.Any(role => role.Id == r.RoleId && role.Name == PortalRoles.Procurer)));
        Assert.Equal(login.ProviderKey, (await db.UserLogins.SingleAsync(l => l.UserId == account.Id)).ProviderKey);
        var invitation = await db.Invitations.SingleAsync(i => i.Email == email);
        Assert.Equal(account.Id, invitation.AcceptedUserId);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == account.Id && e.Action == "InvitationAccepted"));
    }

    [Fact]
    public async Task Invitation_accepted_through_the_provider_needs_a_display_name_and_creates_nothing_without_one()
    {
        var email = await InviteProcurerAsync();
        var login = Login(SingleSignOnPortal.PlainScheme, NewSubject(), email, emailVerified: true);

        var refused = await Assert.ThrowsAsync<FieldErrorsException>(() =>
            portal.WithServiceAsync<SingleSignOnAccounts, ApplicationUser>(accounts => accounts.AcceptInvitationAsync(login, "  ")));

        Assert.Equal("Enter the name other members will see.", refused.Errors.Single().Message);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.Null((await db.Invitations.SingleAsync(i => i.Email == email)).AcceptedAt);
    }

    [Fact]
    public async Task Invitation_is_not_accepted_through_a_provider_that_did_not_verify_the_address()
    {
        var email = await InviteProcurerAsync();
        var login = Login(SingleSignOnPortal.PlainScheme, NewSubject(), email, emailVerified: false);

        await Assert.ThrowsAsync<InvitationUnavailableException>(() =>
            portal.WithServiceAsync<SingleSignOnAccounts, ApplicationUser>(accounts => accounts.AcceptInvitationAsync(login, "Noor Visser")));

        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Theory]
    [InlineData(SingleSignOnPortal.PlainScheme, new[] { "pwd" }, false)]
    [InlineData(SingleSignOnPortal.MultiFactorScheme, new[] { "pwd", "mfa" }, true)]
    [InlineData(SingleSignOnPortal.TrustedAddressesScheme, new[] { "pwd", "mfa" }, false)]
    public async Task Sign_in_counts_as_multi_factor_only_when_the_provider_asserts_one_of_its_configured_values(string scheme, string[] methods, bool multiFactor)
    {
        var account = await CreateAccountAsync();

        var resolution = await ResolveAsync(Login(scheme, NewSubject(), account.Email, emailVerified: true, methods));

        Assert.Equal(account.Id, resolution.UserId);
        Assert.Equal(multiFactor, resolution.MultiFactorAsserted);
    }

    [Fact]
    public void Authentication_context_class_counts_as_multi_factor_when_configured()
    {
        var provider = new SingleSignOnProvider("keycloak", "Keycloak", new HashSet<string>(StringComparer.Ordinal) { "gold" }, TreatEmailAsVerified: false);

        Assert.True(provider.AssertsMultiFactor(new ClaimsPrincipal(new ClaimsIdentity([new Claim("acr", "gold")]))));
        Assert.False(provider.AssertsMultiFactor(new ClaimsPrincipal(new ClaimsIdentity([new Claim("acr", "silver"), new Claim("amr", "pwd")]))));
    }

    [Fact]
    public async Task Removing_the_only_way_to_sign_in_is_refused_and_removing_a_spare_login_is_audited()
    {
        var withoutPassword = await CreateAccountAsync(password: null);
        var onlyWay = NewSubject();
        await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, onlyWay, withoutPassword.Email, emailVerified: true));
        var withPassword = await CreateAccountAsync();
        var spare = NewSubject();
        await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, spare, withPassword.Email, emailVerified: true));

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
        await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, subject, holder.Email, emailVerified: true));
        var other = await CreateAccountAsync();

        var outcome = await portal.WithServiceAsync<SingleSignOnAccounts, ExternalLoginLinkOutcome>(async accounts =>
            await accounts.LinkAsync(await portal.PrincipalForAsync(other.Email!), Login(SingleSignOnPortal.PlainScheme, subject, holder.Email, emailVerified: true)));

        Assert.Equal(ExternalLoginLinkOutcome.LinkedToAnotherAccount, outcome);
        await AssertNotLinkedAsync(other.Id);
    }

    [Fact]
    public async Task Personal_data_export_names_the_linked_organisation_sign_ins()
    {
        var account = await CreateAccountAsync();
        var subject = NewSubject();
        await ResolveAsync(Login(SingleSignOnPortal.PlainScheme, subject, account.Email, emailVerified: true));
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
        var response = await client.GetAsync($"/Account/ExternalLogin/Challenge?provider={SingleSignOnPortal.PlainScheme}&returnUrl=%2Ftenders");

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
    public void Misconfigured_provider_stops_the_portal_at_start_with_the_setting_named(string key, string authority, string clientId, string message)
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

    private async Task<string> InviteProcurerAsync()
    {
        var email = Onboard.Email("invited.sso");
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var organisation = await portal.OrganisationIdAsync(DemoDataSeeder.ProcurerOrganisation);
        await portal.WithServiceAsync<Invitations, Guid>(s =>
            s.InviteAsync(coordinator, new InvitationRequest(email, "Noor Visser", [PortalRoles.Procurer], organisation, [], []), "https://portal.example.org/"));
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
        return await portal.WithServiceAsync<SingleSignOnAccounts, bool>(accounts => accounts.UnlinkAsync(person, SingleSignOnPortal.PlainScheme, subject));
    }

    private async Task<ApplicationUser> CreateAccountAsync(string? password = DemoAccounts.Password)
    {
        var email = $"member.{Guid.NewGuid():N}@ministerie.example";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Sam Verbeke", CreatedAt = DateTimeOffset.UtcNow };
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

    private static void AssertSucceeded(IdentityResult result) => Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
