using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Tenders;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Tenders;

/// <summary>Tender forms, extra procurers and stakeholders, and a private product group per test so seeded tenders never mix in.</summary>
internal static class TenderTestData
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static TenderForm Form(
        Guid productGroupId,
        string title = "Laptops for the town hall",
        int? quantity = 200,
        decimal? value = 190_000m,
        string? currency = "EUR",
        DateOnly? planned = null,
        DateOnly? contractStart = null,
        DateOnly? contractEnd = null,
        bool shared = false) =>
        new(new TenderDetails(title, productGroupId, planned
            ?? Today.AddMonths(4), contractStart, contractEnd, quantity, value, currency, shared),
            TenderStatus.Planned, null, null, [], null, []);

    public static async Task<Guid> LaptopsAsync(this PortalFactory portal)
    {
        await using var db = portal.CreateDbContext();
        return await db.ProductGroups.Where(g => g.Slug == "laptops").Select(g => g.Id).SingleAsync();
    }

    /// <summary>
    /// Tells the portal's pact-wide figures that tenders were written straight into the database (the editor tells them
    /// itself), so that a test's pact-wide reads do not depend on which tests of its class ran before.
    /// </summary>
    public static void TendersInsertedDirectly(this PortalFactory portal) => portal.Services.GetRequiredService<TenderSaves>().Record();

    /// <summary>A product group only this test uses, so demand figures contain only the test's own tenders.</summary>
    public static async Task<Guid> PrivateProductGroupAsync(this PortalFactory portal)
    {
        await using var db = portal.CreateDbContext();
        var group = new ProductGroup($"test-{Guid.NewGuid():N}"[..20], "Test devices " + Guid.NewGuid().ToString("N")[..6]);
        db.ProductGroups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    }

    public static async Task<Guid> OrganisationIdAsync(this PortalFactory portal, string legalName)
    {
        await using var db = portal.CreateDbContext();
        return await db.MemberOrganisations.Where(m => m.LegalName == legalName).Select(m => m.Id).SingleAsync();
    }

    /// <summary>A procurer account of the named demo member organisation (created once per database).</summary>
    public static async Task<ClaimsPrincipal> ProcurerOfAsync(this PortalFactory portal, string legalName)
    {
        var email = $"procurer.{legalName.Replace(' ', '.').ToLowerInvariant()}@cfit.example";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = await SecretariatPrincipals.CreateUserAsync(portal, email, "Procurer of " + legalName, PortalRoles.Procurer);
                var stored = await users.FindByIdAsync(user.Id.ToString());
                stored!.MemberOrganisationId = await portal.OrganisationIdAsync(legalName);
                await users.UpdateAsync(stored);
            }
        }

        return await portal.PrincipalForAsync(email);
    }

    public static async Task<ClaimsPrincipal> StakeholderAsync(this PortalFactory portal)
    {
        const string email = "stakeholder.tenders@cfit.example";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                await SecretariatPrincipals.CreateUserAsync(portal, email, "Industry stakeholder", PortalRoles.Stakeholder);
            }
        }

        return await portal.PrincipalForAsync(email);
    }

    public static Task<ClaimsPrincipal> DemoProcurerAsync(this PortalFactory portal) => portal.PrincipalForAsync(DemoAccounts.Procurer);

    public static async Task<Guid> ReportAsync(this PortalFactory portal, ClaimsPrincipal procurer, TenderForm form) =>
        await portal.WithServiceAsync<TenderEditor, Guid>(editor => editor.CreateAsync(procurer, form));

    public static async Task<TenderDetailsView> ReadAsync(this PortalFactory portal, ClaimsPrincipal user, Guid tenderId) =>
        await portal.WithServiceAsync<TenderDirectory, TenderDetailsView>(directory => directory.GetAsync(user, tenderId));

    public static TenderForm ToForm(this TenderDetailsView d) =>
        new(new TenderDetails(
            d.Title,
            d.ProductGroupId,
            d.PlannedPublicationOn,
            d.ContractStartOn,
            d.ContractEndOn,
            d.EstimatedQuantity,
            d.EstimatedValue,
            d.Currency,
            d.SharedInCalendar),
            d.Status, d.ActualPublicationOn, d.Award, d.Lots, d.CriteriaSetId, d.CriterionIds);
}
