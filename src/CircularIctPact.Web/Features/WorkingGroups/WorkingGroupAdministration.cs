using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.WorkingGroups;

/// <summary>
/// The secretariat creates working groups and assigns their chairs. Assigning grants the
/// WorkingGroupChair role; removing a person's last chair takes it away (the rights stamp is renewed with each change).
/// </summary>
public sealed class WorkingGroupAdministration(IDbContextFactory<PortalDbContext> contextFactory, AuditTrail audit, AccountChanges accounts)
{
    public async Task<IReadOnlyList<AdministeredGroup>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.WorkingGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, g.Topic, Count = g.Participants.Count })
            .ToListAsync(cancellationToken);
        var chairs = await db.WorkingGroupParticipants.AsNoTracking()
            .Where(p => p.Role == ParticipantRole.Chair)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new
            {
                p.WorkingGroupId,
                View = new ParticipantView(p.UserId, u.DisplayName, u.Email, p.Role, p.StakeholderType, p.Organisation),
            })
            .ToListAsync(cancellationToken);
        var byGroup = chairs.ToLookup(c => c.WorkingGroupId, c => c.View);
        return [.. groups.Select(g =>
            new AdministeredGroup(g.Id, g.Name, g.Topic, g.Count, [.. byGroup[g.Id].OrderBy(c => c.Name, StringComparer.CurrentCulture)]))];
    }

    public async Task<Guid> CreateAsync(
        ClaimsPrincipal user,
        string? name,
        string? topic,
        string? mandate,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        var group = new WorkingGroup(name ?? string.Empty, topic ?? string.Empty, mandate);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.WorkingGroups.AnyAsync(g => g.Name == group.Name, cancellationToken))
        {
            throw new DomainException(WorkingGroupFields.Name, "A working group called \"{0}\" already exists.", group.Name);
        }

        db.WorkingGroups.Add(group);
        audit.Record(
            db,
            user,
            WorkingGroupAccess.EntityType,
            group.Id,
            null,
            "WorkingGroupCreated",
            $"Working group {group.Name} created",
            null,
            new { group.Name, group.Topic, group.Mandate });
        await db.SaveChangesAsync(cancellationToken);
        return group.Id;
    }

    public async Task AssignChairAsync(
        ClaimsPrincipal user,
        Guid workingGroupId,
        string? email,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.WorkingGroups.Include(g => g.Participants).SingleOrDefaultAsync(g => g.Id == workingGroupId, cancellationToken)
            ?? throw new NotFoundException("This working group does not exist.");
        var userId = await AccountLookup.UserIdByEmailAsync(db, email, WorkingGroupFields.Chair, cancellationToken);
        var isStakeholder = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, r => r.RoleId, role => role.Id, (r, role) => role.Name)
            .AnyAsync(role => role == PortalRoles.Stakeholder, cancellationToken);
        if (isStakeholder)
        {
            throw new DomainException(
                WorkingGroupFields.Chair,
                "An external stakeholder cannot chair a working group: chairs see member-only content of the pact.");
        }

        var person = await db.Users.Where(u => u.Id == userId)
            .Select(u => new
            {
                u.DisplayName,
                u.Email,
                Organisation = db.MemberOrganisations
                .Where(m => m.Id == u.MemberOrganisationId)
                .Select(m => m.LegalName)
                .FirstOrDefault()
            })
            .SingleAsync(cancellationToken);
        group.AssignChair(userId, person.Organisation);
        await AccountRights.RenewAsync(db, userId, cancellationToken);
        audit.Record(
            db,
            user,
            WorkingGroupAccess.EntityType,
            group.Id,
            null,
            "ChairAssigned",
            $"{person.DisplayName} ({person.Email}) chairs {group.Name}",
            null,
            new { ChairUserId = userId, person.Email });
        await db.SaveChangesAsync(cancellationToken);

        await accounts.ChangeAsync(user, userId, "ScopeAdded", async (users, account) =>
        {
            await AccountChanges.AddRoleIfMissingAsync(users, account, PortalRoles.WorkingGroupChair);
            return $"{account.DisplayName} chairs working group {group.Name}";
        });
    }

    public async Task RemoveChairAsync(
        ClaimsPrincipal user,
        Guid workingGroupId,
        Guid userId,
        CancellationToken cancellationToken = default)
    {
        EnsureSecretariat(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.WorkingGroups.Include(g => g.Participants).SingleOrDefaultAsync(g => g.Id == workingGroupId, cancellationToken)
            ?? throw new NotFoundException("This working group does not exist.");
        group.RemoveChair(userId);
        var email = (await AccountRights.RenewAsync(db, userId, cancellationToken)).Email;
        audit.Record(
            db,
            user,
            WorkingGroupAccess.EntityType,
            group.Id,
            null,
            "ChairRemoved",
            $"{email} no longer chairs {group.Name}",
            new { ChairUserId = userId, Email = email },
            null);
        await db.SaveChangesAsync(cancellationToken);
        var chairsOthers = await db.WorkingGroupParticipants.AnyAsync(
            p => p.UserId == userId && p.Role == ParticipantRole.Chair,
            cancellationToken);
        await accounts.ChangeAsync(user, userId, "ScopeRemoved", async (users, account) =>
        {
            if (!chairsOthers && await AccountChanges.RemoveRoleIfHeldAsync(users, account, PortalRoles.WorkingGroupChair))
            {
                return $"{account.DisplayName} no longer chairs {group.Name}, their last working group; the chair role was removed";
            }

            return $"{account.DisplayName} no longer chairs {group.Name}";
        });
    }

    private static void EnsureSecretariat(ClaimsPrincipal user)
    {
        if (!user.IsSecretariat())
        {
            throw new ForbiddenException("Only the pact secretariat, signed in with two factors, can do this.");
        }
    }
}
