using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Discussions;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Discussions;

/// <summary>
/// What one person may see and moderate in discussions, from their roles and group ties in the database. The only place
/// that decides space membership: pages, search, mention suggestions and notification recipients all ask it.
/// </summary>
public sealed record DiscussionScope(
    Guid UserId,
    string DisplayName,
    string Email,
    bool IsBuyerSide,
    bool IsSecretariat,
    Guid? OwnBuyerGroupId,
    IReadOnlySet<Guid> CoordinatedBuyerGroupIds,
    IReadOnlyDictionary<Guid, ParticipantRole> WorkingGroups)
{
    /// <summary>
    /// Pact-wide: the buying side. Buyer group: its members' people, its coordinators, the secretariat (never stakeholders). Working group:
    /// its participants and the secretariat.
    /// </summary>
    public bool CanSee(DiscussionSpaceKey space) => space.Kind switch
    {
        DiscussionSpaceKind.PactWide => IsBuyerSide,
        DiscussionSpaceKind.BuyerGroup => IsSecretariat
            || (IsBuyerSide && (OwnBuyerGroupId == space.GroupId || CoordinatedBuyerGroupIds.Contains(space.GroupId!.Value))),
        DiscussionSpaceKind.WorkingGroup => IsSecretariat || WorkingGroups.ContainsKey(space.GroupId!.Value),
        _ => false,
    };

    /// <summary>The secretariat everywhere; a coordinator in their group's space; a chair in their working group's space.</summary>
    public bool CanModerate(DiscussionSpaceKey space) => IsSecretariat || space.Kind switch
    {
        DiscussionSpaceKind.BuyerGroup => CoordinatedBuyerGroupIds.Contains(space.GroupId!.Value),
        DiscussionSpaceKind.WorkingGroup =>
            WorkingGroups.GetValueOrDefault(space.GroupId!.Value, ParticipantRole.Participant) == ParticipantRole.Chair,
        _ => false,
    };
}

/// <summary>Loads <see cref="DiscussionScope"/>s: four small set-based queries, however many people.</summary>
public static class DiscussionAudience
{
    private static readonly string[] BuyerSideRoles =
        [PortalRoles.SecretariatAdmin, PortalRoles.BuyerGroupCoordinator, PortalRoles.Procurer, PortalRoles.WorkingGroupChair];

    /// <summary>The scope of one person, or null when the account does not exist.</summary>
    public static async Task<DiscussionScope?> ForUserAsync(PortalDbContext db, Guid userId, CancellationToken cancellationToken) =>
        (await LoadAsync(db, [userId], cancellationToken)).SingleOrDefault();

    /// <summary>Everyone who can see <paramref name="space"/>, by name.</summary>
    public static async Task<IReadOnlyList<DiscussionScope>> MembersAsync(
        PortalDbContext db,
        DiscussionSpaceKey space,
        CancellationToken cancellationToken) =>
        [.. (await LoadAsync(db, null, cancellationToken))
            .Where(scope => scope.CanSee(space))
            .OrderBy(scope => scope.DisplayName, StringComparer.CurrentCulture)];

    private static async Task<IReadOnlyList<DiscussionScope>> LoadAsync(
        PortalDbContext db,
        IReadOnlyCollection<Guid>? userIds,
        CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().Where(u => userIds == null || userIds.Contains(u.Id));
        var people = await users
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                Email = u.Email ?? string.Empty,
                u.TwoFactorEnabled,
                BuyerGroupId = db.MemberOrganisations
                    .Where(m => m.Id == u.MemberOrganisationId)
                    .Select(m => (Guid?)m.BuyerGroupId)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var roles = (await db.UserRoles.AsNoTracking()
                .Where(r => userIds == null || userIds.Contains(r.UserId))
                .Join(db.Roles, r => r.RoleId, role => role.Id, (r, role) => new { r.UserId, role.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name);
        var coordinated = (await db.BuyerGroupCoordinators.AsNoTracking()
                .Where(c => userIds == null || userIds.Contains(c.UserId))
                .Select(c => new { c.UserId, c.BuyerGroupId })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.UserId, c => c.BuyerGroupId);
        var participations = (await db.WorkingGroupParticipants.AsNoTracking()
                .Where(p => userIds == null || userIds.Contains(p.UserId))
                .Select(p => new { p.UserId, p.WorkingGroupId, p.Role })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.UserId);

        return [.. people.Select(person =>
        {
            var personRoles = roles[person.Id].ToHashSet(StringComparer.Ordinal);
            var stakeholder = personRoles.Contains(PortalRoles.Stakeholder);
            var buyerSide = !stakeholder && BuyerSideRoles.Any(personRoles.Contains);
            return new DiscussionScope(
                person.Id,
                person.DisplayName,
                person.Email,
                buyerSide,
                buyerSide && personRoles.Contains(PortalRoles.SecretariatAdmin) && person.TwoFactorEnabled,
                person.BuyerGroupId,
                personRoles.Contains(PortalRoles.BuyerGroupCoordinator) ? coordinated[person.Id].ToHashSet() : new HashSet<Guid>(),
                participations[person.Id].ToDictionary(p => p.WorkingGroupId, p => p.Role));
        })];
    }
}
