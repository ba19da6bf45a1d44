using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Users;

/// <summary>A page of the user list: free text over name and e-mail, optionally one role.</summary>
public sealed record UserQuery(string? Search, string? Role, int Page, int PageSize);

public sealed record UserRow(
    Guid Id,
    string Name,
    string? Email,
    IReadOnlyList<string> Roles,
    string? Organisation,
    IReadOnlyList<string> CoordinatedGroups,
    IReadOnlyList<string> ChairedWorkingGroups,
    DateTimeOffset? LastSignInAt,
    bool TwoFactorEnabled,
    DateTimeOffset? LockedUntil);

public sealed record UserPage(int Total, IReadOnlyList<UserRow> Rows);

public sealed record ScopeItem(Guid Id, string Name);

public sealed record UserScopeOptions(IReadOnlyList<ScopeItem> BuyerGroups, IReadOnlyList<ScopeItem> WorkingGroups);

public sealed record UserDetails(
    Guid Id,
    string Name,
    string? Email,
    IReadOnlyList<string> Roles,
    ScopeItem? Organisation,
    IReadOnlyList<ScopeItem> CoordinatedGroups,
    IReadOnlyList<ScopeItem> ChairedWorkingGroups,
    DateTimeOffset? LastSignInAt,
    bool TwoFactorEnabled,
    DateTimeOffset? LockedUntil);

/// <summary>
/// The secretariat's work on accounts: find them, give and take roles and scopes, lock and unlock.
/// Each change renews the person's rights stamp (their next request and open pages take it) and is audited as "User";
/// locking also renews the security stamp, which signs the person out.
/// </summary>
public class UserAdministration(
    IDbContextFactory<PortalDbContext> contextFactory,
    AccountChanges accounts,
    CoordinatorAssignments coordinators,
    AuditTrail audit,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;

    private static readonly FormField RoleField = new("Role");
    private static readonly FormField WorkingGroupField = new("WorkingGroup");
    private static readonly FormField OrganisationField = new("Organisation");
    private static readonly FormField LockField = new("Lock");

    public virtual async Task<UserPage> SearchAsync(ClaimsPrincipal user, UserQuery query, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%"
                + query.Search
                    .Trim()
                    .Replace("\\", "\\\\", StringComparison.Ordinal)
                    .Replace("%", "\\%", StringComparison.Ordinal)
                    .Replace("_", "\\_", StringComparison.Ordinal)
                + "%";
            users = users.Where(u => EF.Functions.ILike(u.DisplayName, pattern) || EF.Functions.ILike(u.Email!, pattern));
        }

        if (!string.IsNullOrEmpty(query.Role))
        {
            users = users.InRole(db, query.Role);
        }

        var total = await users.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = await users
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip(Math.Max(0, query.Page) * pageSize)
            .Take(pageSize)
            .Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                u.Email,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                db.MemberOrganisations.Where(m => m.Id == u.MemberOrganisationId).Select(m => m.LegalName).FirstOrDefault(),
                db.BuyerGroupCoordinators
                    .Where(c => c.UserId == u.Id)
                    .Join(db.BuyerGroups, c => c.BuyerGroupId, g => g.Id, (c, g) => g.Name)
                    .ToList(),
                db.WorkingGroupParticipants
                    .Where(p => p.UserId == u.Id && p.Role == ParticipantRole.Chair)
                    .Join(db.WorkingGroups, p => p.WorkingGroupId, g => g.Id, (p, g) => g.Name)
                    .ToList(),
                u.LastSignInAt,
                u.TwoFactorEnabled,
                u.LockoutEnd))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new UserPage(total, rows);
    }

    public virtual async Task<UserDetails> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new UserDetails(
                u.Id,
                u.DisplayName,
                u.Email,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                db.MemberOrganisations
                    .Where(m => m.Id == u.MemberOrganisationId)
                    .Select(m => new ScopeItem(m.Id, m.LegalName))
                    .FirstOrDefault(),
                db.BuyerGroupCoordinators
                    .Where(c => c.UserId == u.Id)
                    .Join(db.BuyerGroups, c => c.BuyerGroupId, g => g.Id, (c, g) => new ScopeItem(g.Id, g.Name))
                    .ToList(),
                db.WorkingGroupParticipants
                    .Where(p => p.UserId == u.Id && p.Role == ParticipantRole.Chair)
                    .Join(db.WorkingGroups, p => p.WorkingGroupId, g => g.Id, (p, g) => new ScopeItem(g.Id, g.Name))
                    .ToList(),
                u.LastSignInAt,
                u.TwoFactorEnabled,
                u.LockoutEnd))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This account does not exist.");
    }

    public virtual async Task<UserScopeOptions> ScopeOptionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groups = await db.BuyerGroups
            .AsNoTracking()
            .Where(g => !g.IsArchived)
            .OrderBy(g => g.Name)
            .Select(g => new ScopeItem(g.Id, g.Name))
            .ToListAsync(cancellationToken);
        var workingGroups = await db.WorkingGroups
            .AsNoTracking()
            .OrderBy(g => g.Name)
            .Select(g => new ScopeItem(g.Id, g.Name))
            .ToListAsync(cancellationToken);
        return new UserScopeOptions(groups, workingGroups);
    }

    /// <summary>Member organisations whose name contains the text, with their buyer group, at most 20.</summary>
    public async Task<IReadOnlyList<ScopeItem>> FindOrganisationsAsync(
        ClaimsPrincipal user,
        string? text,
        CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pattern = "%"
            + (text ?? string.Empty)
                .Trim()
                .Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal)
            + "%";
        return await db.MemberOrganisations.AsNoTracking()
            .Where(m => EF.Functions.ILike(m.LegalName, pattern))
            .OrderBy(m => m.LegalName)
            .Take(20)
            .Join(db.BuyerGroups, m => m.BuyerGroupId, g => g.Id, (m, g) => new ScopeItem(m.Id, m.LegalName + " (" + g.Name + ")"))
            .ToListAsync(cancellationToken);
    }

    public async Task AddRoleAsync(ClaimsPrincipal user, Guid id, string role, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        var known = KnownRole(role);
        await accounts.ChangeAsync(user, id, "RoleAdded", async (users, account) =>
        {
            if (await users.IsInRoleAsync(account, known))
            {
                throw new DomainException(RoleField, "{0} already has the role {1}.", account.DisplayName, known);
            }

            AccountChanges.Check(await users.AddToRoleAsync(account, known));
            return $"{account.DisplayName} ({account.Email}) got the role {known}";
        });
    }

    public async Task RemoveRoleAsync(ClaimsPrincipal user, Guid id, string role, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        var known = KnownRole(role);
        if (id == user.UserId() && known == PortalRoles.SecretariatAdmin)
        {
            throw new DomainException(RoleField, "You cannot remove your own SecretariatAdmin role; ask another secretariat admin.");
        }

        await accounts.ChangeAsync(user, id, "RoleRemoved", async (users, account) =>
        {
            if (!await users.IsInRoleAsync(account, known))
            {
                throw new DomainException(RoleField, "{0} does not have the role {1}.", account.DisplayName, known);
            }

            AccountChanges.Check(await users.RemoveFromRoleAsync(account, known));
            return $"{account.DisplayName} ({account.Email}) lost the role {known}";
        });
    }

    public Task AssignCoordinatedGroupAsync(
        ClaimsPrincipal user,
        Guid id,
        Guid buyerGroupId,
        CancellationToken cancellationToken = default) =>
        coordinators.AssignAsync(user, buyerGroupId, id, cancellationToken);

    public Task RemoveCoordinatedGroupAsync(
        ClaimsPrincipal user,
        Guid id,
        Guid buyerGroupId,
        CancellationToken cancellationToken = default) =>
        coordinators.RemoveAsync(user, buyerGroupId, id, cancellationToken);

    /// <summary>Makes the person chair of a working group and gives them the WorkingGroupChair role.</summary>
    public async Task AddChairAsync(ClaimsPrincipal user, Guid id, Guid workingGroupId, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.WorkingGroups.Include(g => g.Participants).SingleOrDefaultAsync(g => g.Id == workingGroupId, cancellationToken)
            ?? throw new NotFoundException("This working group does not exist.");
        await AccountRights.RenewAsync(db, id, cancellationToken);
        group.AddParticipant(id, ParticipantRole.Chair);
        audit.Record(db, user, "WorkingGroup", group.Id, null, "ChairAssigned", $"A chair was added to {group.Name}", null, new
        {
            ChairUserId = id,
        });
        await db.SaveChangesAsync(cancellationToken);
        await accounts.ChangeAsync(user, id, "ScopeAdded", async (users, account) =>
        {
            await AccountChanges.AddRoleIfMissingAsync(users, account, PortalRoles.WorkingGroupChair);
            return $"{account.DisplayName} chairs working group {group.Name}";
        });
    }

    /// <summary>Takes the person out of a working group they chair; their last chaired group also takes the chair role.</summary>
    public async Task RemoveChairAsync(ClaimsPrincipal user, Guid id, Guid workingGroupId, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.WorkingGroups.Include(g => g.Participants).SingleOrDefaultAsync(g => g.Id == workingGroupId, cancellationToken)
            ?? throw new NotFoundException("This working group does not exist.");
        if (group.Participants.SingleOrDefault(p => p.UserId == id) is not { Role: ParticipantRole.Chair })
        {
            throw new DomainException(WorkingGroupField, "This person does not chair the working group.");
        }

        group.RemoveParticipant(id);
        await AccountRights.RenewAsync(db, id, cancellationToken);
        audit.Record(db, user, "WorkingGroup", group.Id, null, "ChairRemoved", $"A chair left {group.Name}", new
        {
            ChairUserId = id,
        }, null);
        await db.SaveChangesAsync(cancellationToken);
        var chairsOthers = await db.WorkingGroupParticipants.AnyAsync(
            p => p.UserId == id && p.Role == ParticipantRole.Chair,
            cancellationToken);
        await accounts.ChangeAsync(user, id, "ScopeRemoved", async (users, account) =>
        {
            if (!chairsOthers)
            {
                await AccountChanges.RemoveRoleIfHeldAsync(users, account, PortalRoles.WorkingGroupChair);
            }

            return $"{account.DisplayName} no longer chairs working group {group.Name}";
        });
    }

    /// <summary>Links the account to a member organisation (a procurer's scope), or unlinks it with null.</summary>
    public async Task SetOrganisationAsync(
        ClaimsPrincipal user,
        Guid id,
        Guid? organisationId,
        CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        string? organisation = null;
        if (organisationId is { } wanted)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            organisation =
                await db.MemberOrganisations.Where(m => m.Id == wanted).Select(m => m.LegalName).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new DomainException(OrganisationField, "Choose an existing member organisation.");
        }

        await accounts.ChangeAsync(user, id, "OrganisationChanged", (_, account) =>
        {
            account.MemberOrganisationId = organisationId;
            return Task.FromResult(organisation is null
                ? $"{account.DisplayName} no longer linked to a member organisation"
                : $"{account.DisplayName} linked to {organisation}");
        });
    }

    /// <summary>Locks the account until far in the future; the person is signed out at their next request or revalidation.</summary>
    public async Task LockAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        if (id == user.UserId())
        {
            throw new DomainException(LockField, "You cannot lock your own account.");
        }

        await accounts.ChangeAsync(user, id, "Locked", async (users, account) =>
        {
            AccountChanges.Check(await users.SetLockoutEnabledAsync(account, true));
            AccountChanges.Check(await users.SetLockoutEndDateAsync(account, clock.GetUtcNow().AddYears(100)));
            AccountChanges.Check(await users.UpdateSecurityStampAsync(account));
            return $"{account.DisplayName} ({account.Email}) locked";
        });
    }

    public async Task UnlockAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        SecretariatOnly.Ensure(user);
        await accounts.ChangeAsync(user, id, "Unlocked", async (users, account) =>
        {
            AccountChanges.Check(await users.SetLockoutEndDateAsync(account, null));
            AccountChanges.Check(await users.ResetAccessFailedCountAsync(account));
            return $"{account.DisplayName} ({account.Email}) unlocked";
        });
    }

    private static string KnownRole(string role) =>
        PortalRoles.All.FirstOrDefault(known => string.Equals(known, role, StringComparison.Ordinal))
        ?? throw new DomainException(RoleField, "'{0}' is not a portal role.", role);
}
