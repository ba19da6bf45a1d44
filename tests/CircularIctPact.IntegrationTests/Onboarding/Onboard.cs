using System.Globalization;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Onboarding;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Onboarding;

/// <summary>Small builders for onboarding tests; each call makes unique data so tests sharing a database do not collide.</summary>
internal static class Onboard
{
    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public static ApplicantDetails Applicant(string? name = null, string? email = null) => new(
        name ?? Unique("Gemeente Testdorp"),
        Sector.RegionalOrLocalGovernment,
        "NL",
        $"www.{Guid.NewGuid():N}.example.nl",
        SizeBand.Medium,
        IctSpendBand.Under1Million,
        "Anna de Boer",
        email ?? $"anna.{Guid.NewGuid():N}@testdorp.example.nl",
        "Inkoopadviseur ICT",
        "We buy 2,000 laptops a year and want circular criteria.");

    public static async Task<Guid> GroupIdAsync(this PortalFactory portal, string name)
    {
        await using var db = portal.CreateDbContext();
        return await db.BuyerGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }

    public static async Task<Guid> OrganisationIdAsync(this PortalFactory portal, string legalName)
    {
        await using var db = portal.CreateDbContext();
        return await db.MemberOrganisations.Where(m => m.LegalName == legalName).Select(m => m.Id).SingleAsync();
    }

    public static async Task<SubmittedApplication> ApplyToDutchGroupAsync(this PortalFactory portal, ApplicantDetails? details = null)
    {
        var groupId = await portal.GroupIdAsync(DemoDataSeeder.DutchBuyerGroup);
        return await portal.WithServiceAsync<MembershipApplications, SubmittedApplication>(
            s => s.SubmitAsync(groupId, details ?? Applicant()));
    }

    public static string Email(string prefix) =>
        $"{prefix}.{Guid.NewGuid().ToString("N")[..10]}@invitee.example.org".ToLower(CultureInfo.InvariantCulture);
}
