using System.Security.Claims;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Members;

/// <summary>What a procurer sees of their own organisation and buyer group.</summary>
public sealed class MyOrganisationQuery(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>Returns the signed-in person's organisation, or null when the account belongs to none.</summary>
    public async Task<MyOrganisationView?> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.RequiredUserId();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Join(db.MemberOrganisations, u => u.MemberOrganisationId, m => m.Id, (u, m) => m)
            .Join(db.BuyerGroups, m => m.BuyerGroupId, g => g.Id, (m, g) => new MyOrganisationView(
                m.LegalName,
                m.Sector,
                m.CountryCode.Value,
                m.Website,
                m.Status,
                m.JoinedOn,
                db.BuyerGroupTiers.Where(t => t.Id == m.TierId).Select(t => t.Name).FirstOrDefault(),
                g.Name,
                g.CoordinatingOrganisation,
                g.Description,
                db.MemberOrganisations.Count(other => other.BuyerGroupId == g.Id && other.Status == MembershipStatus.Active),
                db.BuyerGroupCoordinators.Where(c => c.BuyerGroupId == g.Id)
                    .Join(
                        db.Users,
                        c => c.UserId,
                        person => person.Id,
                        (c, person) => new CoordinatorContact(person.DisplayName, person.Email!))
                    .ToList(),
                db.Users
                    .Where(colleague => colleague.MemberOrganisationId == m.Id)
                    .Select(colleague => colleague.DisplayName)
                    .OrderBy(name => name)
                    .ToList()))
            .SingleOrDefaultAsync(cancellationToken);
    }
}

public sealed record MyOrganisationView(
    string LegalName,
    Sector Sector,
    string Country,
    string? Website,
    MembershipStatus Status,
    DateOnly JoinedOn,
    string? Tier,
    string BuyerGroup,
    string CoordinatingOrganisation,
    string? BuyerGroupDescription,
    int ActiveMembers,
    IReadOnlyList<CoordinatorContact> Coordinators,
    IReadOnlyList<string> Colleagues);

public sealed record CoordinatorContact(string Name, string Email);
