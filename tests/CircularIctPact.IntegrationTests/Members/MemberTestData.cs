using System.Security.Claims;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Members;

/// <summary>Looks up the demo seed's groups and people, and builds member forms with unique names.</summary>
internal static class MemberTestData
{
    public static async Task<Guid> GroupIdAsync(this PortalFactory portal, string name)
    {
        await using var db = portal.CreateDbContext();
        return await db.BuyerGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }

    public static Task<Guid> DutchGroupAsync(this PortalFactory portal) => portal.GroupIdAsync(DemoDataSeeder.DutchBuyerGroup);

    public static Task<Guid> BelgianGroupAsync(this PortalFactory portal) => portal.GroupIdAsync(DemoDataSeeder.BelgianBuyerGroup);

    public static async Task<ClaimsPrincipal> CallerAsync(this PortalFactory portal, string? email) =>
        email is null ? PortalFactoryExtensions.Anonymous : await portal.PrincipalForAsync(email);

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static MemberForm Form(string? legalName, string? website = null, string? country = "NL", params ContactDetails[] contacts) =>
        new(legalName, Sector.Education, country, website, SizeBand.Small, IctSpendBand.Under1Million, null, new DateOnly(
            2025,
            3,
            1), contacts);

    /// <summary>Adds a member to the Dutch group as its coordinator and returns its id.</summary>
    public static async Task<Guid> CreateDutchMemberAsync(
        this PortalFactory portal,
        string legalName,
        string? website = null,
        params ContactDetails[] contacts)
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var group = await portal.DutchGroupAsync();
        return await portal.WithServiceAsync<MemberEditor, Guid>(
            editor => editor.CreateAsync(coordinator, group, Form(legalName, website, "NL", contacts)));
    }

    public static async Task<MemberDetails> DetailsAsync(this PortalFactory portal, Guid memberId)
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        return await portal.WithServiceAsync<MemberDirectory, MemberDetails>(directory => directory.GetAsync(coordinator, memberId));
    }

    public static MemberForm ToForm(this MemberDetails details) =>
        new(
            details.LegalName,
            details.Sector,
            details.Country,
            details.Website,
            details.SizeBand,
            details.IctSpendBand,
            details.TierId,
            details.JoinedOn,
            [.. details.Contacts.Select(c => new ContactDetails(c.Id, c.Name, c.Email, c.Phone, c.Function))]);
}
