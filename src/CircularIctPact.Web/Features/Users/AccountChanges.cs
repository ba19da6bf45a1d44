using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Users;

/// <summary>The audited snapshot of an account: what the secretariat can change about it.</summary>
public sealed record AccountSnapshot(
    string? Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    Guid? MemberOrganisationId,
    DateTimeOffset? LockedUntil);

/// <summary>
/// Changes an account through Identity in a scope of its own (never a circuit-long one), records the
/// change in the audit log as entity type "User", and renews the rights stamp in the same save, so the person's
/// next request and open pages take the change (decision record 0023).
/// </summary>
public sealed class AccountChanges(IServiceScopeFactory scopes, AuditTrail audit)
{
    public const string EntityType = "User";

    /// <summary>Runs <paramref name="change"/> on the account; it returns the one-line summary for the audit log.</summary>
    public async Task ChangeAsync(
        ClaimsPrincipal actor,
        Guid userId,
        string action,
        Func<UserManager<ApplicationUser>, ApplicationUser, Task<string>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("This account does not exist.");
        var before = await SnapshotAsync(users, user);
        // Set before the change, so that a change Identity saves at once (a role) saves the new stamp with it.
        user.RightsStamp = Guid.NewGuid();
        var summary = await change(users, user);
        audit.Record(db, actor, EntityType, user.Id, null, action, summary, before, await SnapshotAsync(users, user));
        Check(await users.UpdateAsync(user));
    }

    /// <summary>Gives the account <paramref name="role"/> unless it already has it.</summary>
    /// <param name="users">The user manager of the running change.</param>
    /// <param name="user">The account being changed.</param>
    /// <param name="role">One of the portal roles.</param>
    public static async Task AddRoleIfMissingAsync(UserManager<ApplicationUser> users, ApplicationUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    /// <summary>Takes <paramref name="role"/> from the account if it has it.</summary>
    /// <param name="users">The user manager of the running change.</param>
    /// <param name="user">The account being changed.</param>
    /// <param name="role">One of the portal roles.</param>
    /// <returns>True when the role was taken away.</returns>
    public static async Task<bool> RemoveRoleIfHeldAsync(UserManager<ApplicationUser> users, ApplicationUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (!await users.IsInRoleAsync(user, role))
        {
            return false;
        }

        Check(await users.RemoveFromRoleAsync(user, role));
        return true;
    }

    /// <summary>
    /// Every way <paramref name="password"/> breaks the portal's password rules for <paramref name="user"/>, each for
    /// <paramref name="field"/>.
    /// </summary>
    public static async Task<List<DomainException>> PasswordProblemsAsync(
        UserManager<ApplicationUser> users,
        ApplicationUser user,
        string? password,
        FormField field)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (string.IsNullOrEmpty(password))
        {
            return [new DomainException(field, "Choose a password.")];
        }

        var problems = new List<DomainException>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            problems.AddRange(result.Errors.Select(error => new DomainException(field, DomainMessageText.AsGiven, error.Description)));
        }

        return problems;
    }

    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static async Task<AccountSnapshot> SnapshotAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        new(
            user.Email,
            user.DisplayName,
            [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
            user.MemberOrganisationId,
            user.LockoutEnd);
}
