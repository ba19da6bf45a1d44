using System.Security.Claims;
using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.BuyerGroups;

/// <summary>
/// Makes a person coordinator of a buyer group (their scope) or takes that away. Assigning grants
/// the BuyerGroupCoordinator role; removing the person's last group removes it. Secretariat only.
/// </summary>
public sealed class CoordinatorAssignments(IDbContextFactory<PortalDbContext> contextFactory, AuditTrail audit, AccountChanges accounts)
{
    public async Task AssignAsync(ClaimsPrincipal actor, Guid buyerGroupId, Guid userId, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(actor);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.BuyerGroups.Include(g => g.Coordinators).SingleOrDefaultAsync(g => g.Id == buyerGroupId, cancellationToken)
            ?? throw new NotFoundException("This buyer group does not exist.");
        if (group.IsArchived)
        {
            throw new DomainException(BuyerGroupFields.Coordinator, "An archived buyer group gets no new coordinators.");
        }

        var person = await AccountRights.RenewAsync(db, userId, cancellationToken);
        group.AssignCoordinator(userId);
        audit.Record(db, actor, BuyerGroupAdministration.EntityType, group.Id, group.Id, "CoordinatorAssigned",
            $"{person.DisplayName} ({person.Email}) now coordinates {group.Name}", null, new { CoordinatorUserId = userId, person.Email });
        await db.SaveChangesAsync(cancellationToken);

        await accounts.ChangeAsync(actor, userId, "ScopeAdded", async (users, user) =>
        {
            await AccountChanges.AddRoleIfMissingAsync(users, user, PortalRoles.BuyerGroupCoordinator);
            return $"{user.DisplayName} coordinates buyer group {group.Name}";
        });
    }

    public async Task RemoveAsync(ClaimsPrincipal actor, Guid buyerGroupId, Guid userId, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(actor);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.BuyerGroups.Include(g => g.Coordinators).SingleOrDefaultAsync(g => g.Id == buyerGroupId, cancellationToken)
            ?? throw new NotFoundException("This buyer group does not exist.");
        group.RemoveCoordinator(userId);
        var email = (await AccountRights.RenewAsync(db, userId, cancellationToken)).Email;
        audit.Record(db, actor, BuyerGroupAdministration.EntityType, group.Id, group.Id, "CoordinatorRemoved",
            $"{email} no longer coordinates {group.Name}", new { CoordinatorUserId = userId, Email = email }, null);
        await db.SaveChangesAsync(cancellationToken);
        var coordinatesOthers = await db.BuyerGroupCoordinators.AnyAsync(c => c.UserId == userId, cancellationToken);

        await accounts.ChangeAsync(actor, userId, "ScopeRemoved", async (users, user) =>
        {
            if (!coordinatesOthers && await AccountChanges.RemoveRoleIfHeldAsync(users, user, PortalRoles.BuyerGroupCoordinator))
            {
                return $"{user.DisplayName} no longer coordinates {group.Name}, their last buyer group; the coordinator role was removed";
            }

            return $"{user.DisplayName} no longer coordinates {group.Name}";
        });
    }
}
