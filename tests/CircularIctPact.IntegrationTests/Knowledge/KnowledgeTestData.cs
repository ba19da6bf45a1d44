using System.Globalization;
using System.Security.Claims;
using System.Text;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Domain.Knowledge.GoodPractices;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Documents;
using CircularIctPact.Web.Features.Knowledge;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Knowledge;

/// <summary>People, cases and files for the knowledge tests.</summary>
internal static class KnowledgeTestData
{
    /// <summary>Creates (once) an account with a role, optionally working for a demo member organisation.</summary>
    public static async Task<string> AccountAsync(this PortalFactory portal, string email, string role, string? organisation = null)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return email;
        }

        Guid? organisationId = null;
        if (organisation is not null)
        {
            await using var db = portal.CreateDbContext();
            organisationId = await db.MemberOrganisations.Where(m => m.LegalName == organisation).Select(m => m.Id).SingleAsync();
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = email.Split('@')[0],
            MemberOrganisationId = organisationId,
        };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    public static Task<string> StakeholderAsync(this PortalFactory portal) =>
        portal.AccountAsync("ngo.researcher@knowledge.example", PortalRoles.Stakeholder);

    /// <summary>A procurer of another Dutch member organisation than the demo procurer's.</summary>
    public static Task<string> OtherDutchProcurerAsync(this PortalFactory portal) =>
        portal.AccountAsync("buyer@heideveld.example", PortalRoles.Procurer, "Gemeente Heideveld");

    /// <summary>
    /// Runs <paramref name="read"/> for a reader of the portal in <paramref name="culture"/>; being an async method, the
    /// culture flows into that call only and the caller keeps its own.
    /// </summary>
    public static async Task<T> ReadingIn<T>(string culture, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return await read();
    }

    public static async Task<ClaimsPrincipal> As(this PortalFactory portal, string? email) =>
        email is null ? PortalFactoryExtensions.Anonymous : await portal.PrincipalForAsync(email);

    public static GoodPracticeContent Content(
        string title,
        KnowledgeVisibility visibility = KnowledgeVisibility.Public,
        string tag = "lifespan") =>
        new(title, "Context of the case.", "What we did.", "What came out of it.", "What changed.", "What we would do again.", null,
            [tag], "Fatima El Amrani", "fatima@rivierstad.example.nl", visibility, CriteriaLanguage.En);

    public static async Task<Guid> RivierstadIdAsync(this PortalFactory portal)
    {
        await using var db = portal.CreateDbContext();
        return await db.MemberOrganisations.Where(m => m.LegalName == DemoDataSeeder.ProcurerOrganisation).Select(m => m.Id).SingleAsync();
    }

    /// <summary>The demo procurer starts a case for Gemeente Rivierstad.</summary>
    public static async Task<Guid> DraftAsync(this PortalFactory portal, GoodPracticeContent content)
    {
        var procurer = await portal.As(DemoAccounts.Procurer);
        var organisation = await portal.RivierstadIdAsync();
        return await portal.WithServiceAsync<GoodPracticeCases, Guid>(c => c.CreateAsync(procurer, organisation, content));
    }

    public static async Task<GoodPracticeDetails> CaseAsync(this PortalFactory portal, Guid id, string? email = DemoAccounts.Procurer) =>
        await portal.WithServiceAsync<GoodPracticeCases, GoodPracticeDetails>(async c => await c.GetAsync(id, await portal.As(email)));

    public static async Task<uint> VersionAsync(this PortalFactory portal, Guid id, string? email = DemoAccounts.Procurer) =>
        (await portal.CaseAsync(id, email)).RowVersion;

    public static DocumentUpload Pdf(string name, string text = "knowledge") =>
        new(name, new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n% " + text + "\n%%EOF\n")));

    /// <summary>"ok", "sign-in" (sent to sign in) or "denied" (sent to the access-denied page) for a GET as this person.</summary>
    public static async Task<string> AccessAsync(this PortalFactory portal, string? email, string path)
    {
        var response = await (await portal.ClientAsync(email)).GetAsync(path);
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode == System.Net.HttpStatusCode.OK ? "ok"
            : location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) ? "sign-in"
            : location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) ? "denied"
            : $"{(int)response.StatusCode} {location}";
    }

    public static async Task<HttpClient> ClientAsync(this PortalFactory portal, string? email)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (email is not null)
        {
            await FormSignIn.SignInAsync(client, email, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
        }

        return client;
    }
}
