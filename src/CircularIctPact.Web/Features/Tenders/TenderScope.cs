using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>
/// Whose tenders a person may see and change: procurers their own organisation's (and only they change them),
/// coordinators those of their buyer groups, the secretariat (with two factors) all. Stakeholders and
/// everyone else none.
/// </summary>
public sealed record TenderScope(bool All, Guid? OwnOrganisationId, IReadOnlyList<Guid> GroupIds)
{
    public bool IsEmpty => !All && OwnOrganisationId is null && GroupIds.Count == 0;

    public bool CanRead(Guid organisationId, Guid buyerGroupId) =>
        All || organisationId == OwnOrganisationId || GroupIds.Contains(buyerGroupId);

    public bool CanManage(Guid organisationId) => organisationId == OwnOrganisationId;
}

/// <summary>Works out a caller's <see cref="TenderScope"/>.</summary>
/// <remarks>The use cases component tests stand in for are virtual, so those tests need no database (ADR 0009).</remarks>
public class TenderAccess(IDbContextFactory<PortalDbContext> contextFactory, BuyerGroupAccess groups)
{
    public virtual async Task<TenderScope> ScopeAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.UserId() is not { } userId)
        {
            return new TenderScope(false, null, []);
        }

        Guid? organisation = null;
        if (user.IsInRole(PortalRoles.Procurer))
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            organisation = await db.Users
                .AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => u.MemberOrganisationId)
                .SingleOrDefaultAsync(cancellationToken);
        }

        var secretariat = user.IsSecretariat();
        var groupIds = secretariat ? [] : await groups.VisibleGroupIdsAsync(user, cancellationToken);
        return new TenderScope(secretariat, organisation, groupIds);
    }

    /// <summary>The scope, or <see cref="ForbiddenException"/> when the caller may see no tenders at all.</summary>
    public async Task<TenderScope> RequireAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(user, cancellationToken);
        return scope.IsEmpty
            ? throw new ForbiddenException(
                "Tenders are reported by procurers of member organisations and read by their coordinators and the secretariat.")
            : scope;
    }
}
