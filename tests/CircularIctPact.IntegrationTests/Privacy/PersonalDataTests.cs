using System.Net;
using System.Text;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Criteria;
using CircularIctPact.Web.Features.Onboarding;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Privacy;

public sealed class PersonalDataTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "Privacy!Pact2026x";

    [Fact]
    public async Task Export_holds_the_persons_account_work_and_audit_entries_and_nobody_elses()
    {
        var person = await CreateProcurerWithHistoryAsync("eva.jansen@rivierstad.example", "Eva Jansen");
        var procurer = await portal.PrincipalForAsync(DemoAccounts.Procurer);
        await SaveShortlistAsync(procurer, "Someone else's laptops");

        var json = Encoding.UTF8.GetString(
            await portal.WithServiceAsync<PersonalDataSelfService, byte[]>(s => s.ExportAsync(person.Principal)));

        Assert.Contains("eva.jansen@rivierstad.example", json, StringComparison.Ordinal);
        Assert.Contains("Eva Jansen", json, StringComparison.Ordinal);
        Assert.Contains("\"Procurer\"", json, StringComparison.Ordinal);
        Assert.Contains("Gemeente Rivierstad", json, StringComparison.Ordinal);
        Assert.Contains("Eva's smartphones", json, StringComparison.Ordinal);
        Assert.Contains("Require class A instead of B.", json, StringComparison.Ordinal);
        Assert.Contains("Jansen Advies", json, StringComparison.Ordinal);
        Assert.Contains("Eva changed her phone number", json, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Procurer, json, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone else's laptops", json, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_of_personal_data_is_a_json_attachment_for_the_signed_in_person_only()
    {
        await CreateProcurerWithHistoryAsync("jonas.peeters@rivierstad.example", "Jonas Peeters");
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await FormSignIn.SignInAsync(client, "jonas.peeters@rivierstad.example", Password);

        var response = await FormSignIn.PostFormAsync(
            client,
            "/Account/Manage/PersonalData",
            string.Empty,
            new Dictionary<string, string>(),
            "/Account/Manage/DownloadPersonalData");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("jonas.peeters@rivierstad.example", json, StringComparison.Ordinal);
        Assert.DoesNotContain("eva.jansen", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_account_removes_personal_data_keeps_records_under_a_pseudonym_and_blocks_sign_in()
    {
        var person = await CreateProcurerWithHistoryAsync("pieter.smit@rivierstad.example", "Pieter Smit");

        var wrong = await Assert.ThrowsAsync<DomainException>(
            () => portal.WithServiceAsync<PersonalDataSelfService>(s => s.DeleteAccountAsync(person.Principal, "not my password")));
        Assert.Equal(PersonalDataSelfService.PasswordField, wrong.Field);
        await portal.WithServiceAsync<PersonalDataSelfService>(s => s.DeleteAccountAsync(person.Principal, Password));

        await using var db = portal.CreateDbContext();
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id);
        Assert.StartsWith("former user ", account.DisplayName, StringComparison.Ordinal);
        Assert.DoesNotContain("pieter", account.Email!, StringComparison.OrdinalIgnoreCase);
        Assert.Null(account.PasswordHash);
        Assert.Null(account.MemberOrganisationId);
        Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == person.Id));
        Assert.False(await db.SavedShortlists.AnyAsync(s => s.OwnerUserId == person.Id));
        Assert.True(await db.MemberOrganisations.AnyAsync(m => m.Id == person.OrganisationId));
        Assert.True(await db.CriterionSuggestions.AnyAsync(s => s.AuthorUserId == person.Id));

        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.ActorUserId == person.Id).ToListAsync();
        Assert.Contains(entries, e => e.Action == "Deleted" && e.EntityType == "Account");
        Assert.All(entries, e => Assert.Equal(account.DisplayName, e.ActorName));
        var everything = string.Join(
            '\n',
            (await db.AuditEntries.AsNoTracking().ToListAsync()).Select(e => $"{e.ActorName} {e.Summary} {e.Before} {e.After}"));
        Assert.DoesNotContain("pieter.smit@rivierstad.example", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Pieter Smit", everything, StringComparison.Ordinal);
        Assert.Contains(account.DisplayName, everything, StringComparison.Ordinal);
        var application = await db.MembershipApplications.AsNoTracking().SingleAsync(a => a.LegalName == "Smit Advies");
        Assert.Equal(account.DisplayName, application.ContactName);
        Assert.DoesNotContain("pieter", application.ContactEmail, StringComparison.OrdinalIgnoreCase);

        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await FormSignIn.SignInAsync(client, "pieter.smit@rivierstad.example", Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("not right", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_secretariat_admin_cannot_delete_their_account()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);

        var refused = await Assert.ThrowsAsync<DomainException>(
            () => portal.WithServiceAsync<PersonalDataSelfService>(s => s.DeleteAccountAsync(admin, DemoAccounts.Password)));

        Assert.Contains("only secretariat admin", refused.Message, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(u => u.Email == DemoAccounts.Admin && u.PasswordHash != null));
    }

    [Fact]
    public void Log_properties_never_carry_a_whole_e_mail_address()
    {
        Assert.Equal("GET /x?to=e***@rivierstad.example", EmailMaskingEnricher.Mask("GET /x?to=eva.jansen@rivierstad.example"));
        Assert.Equal("e***@rivierstad.example", EmailMaskingEnricher.Mask("eva.jansen%40rivierstad.example"));
        Assert.Equal("no address here", EmailMaskingEnricher.Mask("no address here"));
    }

    private sealed record Person(Guid Id, Guid OrganisationId, System.Security.Claims.ClaimsPrincipal Principal);

    private async Task<Person> CreateProcurerWithHistoryAsync(string email, string name)
    {
        Guid id;
        Guid organisationId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var colleague = await users.FindByEmailAsync(DemoAccounts.Procurer) ?? throw new InvalidOperationException("No demo procurer.");
            organisationId = colleague.MemberOrganisationId!.Value;
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                MemberOrganisationId = organisationId,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, PortalRoles.Procurer)).Succeeded);
            id = user.Id;
        }

        var principal = await portal.PrincipalForAsync(email);
        var firstName = name.Split(' ')[0];
        await SaveShortlistAsync(principal, $"{firstName}'s smartphones");
        await portal.WithServiceAsync<CriteriaSuggestions, Guid>(s => s.SubmitAsync(
            "smartphones",
            "2.0",
            "PHO-REP-02",
            "Require class A instead of B.",
            "Class A models are now on the market.",
            principal));
        var group = (await portal.WithServiceAsync<MembershipApplications, IReadOnlyList<JoinableGroup>>(s => s.JoinableGroupsAsync()))[0];
        var lastName = name.Split(' ')[1];
        await portal.WithServiceAsync<MembershipApplications, SubmittedApplication>(s => s.SubmitAsync(group.Id, new ApplicantDetails(
            $"{lastName} Advies", Sector.PrivateCompany, "NL", null, null, null, name, email, "Owner", "We advise municipalities.")));

        await using (var db = portal.CreateDbContext())
        {
            db.AuditEntries.Add(new AuditEntry(
                DateTimeOffset.UtcNow,
                id,
                name,
                "MemberContact",
                Guid.CreateVersion7(),
                null,
                "Changed",
                $"{firstName} changed her phone number ({email})",
                $$"""{"name":"{{name}}","email":"{{email}}"}""",
                $$"""{"name":"{{name}}","email":"{{email}}","phone":"+31 6 1234 5678"}"""));
            await db.SaveChangesAsync();
        }

        return new Person(id, organisationId, principal);
    }

    private async Task SaveShortlistAsync(System.Security.Claims.ClaimsPrincipal owner, string name)
    {
        var criterion = (await portal.WithServiceAsync<CriteriaCatalogue, CatalogueView>(
            c => c.GetAsync(new CatalogueQuery("laptops"), owner))).Criteria[0].Id;
        await portal.WithServiceAsync<SavedShortlists, Guid>(s => s.SaveAsync(name, [criterion], CriteriaLanguage.En, owner));
    }
}
