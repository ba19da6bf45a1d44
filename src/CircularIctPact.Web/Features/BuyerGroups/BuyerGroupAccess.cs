using System.Security.Claims;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.BuyerGroups;

/// <summary>A buyer group as the resource of an authorization check.</summary>
public sealed record BuyerGroupResource(Guid BuyerGroupId);

/// <summary>Operations on a buyer group and everything inside it (members, applications, invitations, audit).</summary>
public static class BuyerGroupOperations
{
    /// <summary>Read the group's member data, applications and audit history.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Change members, decide applications, invite, import and export.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}

/// <summary>
/// Succeeds for the secretariat (with two factors) and for coordinators assigned to the group; fails
/// for everyone else, whatever page, URL or form the request came from.
/// </summary>
public sealed class BuyerGroupAuthorizationHandler(IDbContextFactory<PortalDbContext> contextFactory)
    : AuthorizationHandler<OperationAuthorizationRequirement, BuyerGroupResource>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement,
        BuyerGroupResource resource)
    {
        if (context.User.IsSecretariat())
        {
            context.Succeed(requirement);
            return;
        }

        if (context.User.UserId() is not { } userId || !context.User.IsInRole(Domain.Common.PortalRoles.BuyerGroupCoordinator))
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync();
        if (await db.BuyerGroupCoordinators.AnyAsync(c => c.BuyerGroupId == resource.BuyerGroupId && c.UserId == userId))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>The scope checks feature services call before touching a buyer group's data.</summary>
public sealed class BuyerGroupAccess(IAuthorizationService authorization, IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>Throws <see cref="ForbiddenException"/> unless <paramref name="user"/> may perform the operation on the group.</summary>
    public async Task EnsureAsync(ClaimsPrincipal user, Guid buyerGroupId, OperationAuthorizationRequirement operation)
    {
        var result = await authorization.AuthorizeAsync(user, new BuyerGroupResource(buyerGroupId), operation);
        if (!result.Succeeded)
        {
            throw new ForbiddenException("You can only work with the buyer groups you coordinate.");
        }
    }

    /// <summary>The groups whose data the user may see: all for the secretariat, the assigned ones for a coordinator.</summary>
    public async Task<IReadOnlyList<Guid>> VisibleGroupIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (user.IsSecretariat())
        {
            return await db.BuyerGroups.Select(g => g.Id).ToListAsync(cancellationToken);
        }

        if (user.UserId() is not { } userId || !user.IsInRole(Domain.Common.PortalRoles.BuyerGroupCoordinator))
        {
            return [];
        }

        return await db.BuyerGroupCoordinators.Where(c => c.UserId == userId).Select(c => c.BuyerGroupId).ToListAsync(cancellationToken);
    }
}
