using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>
/// Who is asking, as far as knowledge content cares: their member organisation, the buyer groups they
/// coordinate, and whether they are on the buying side (members-only content) or the secretariat.
/// </summary>
public sealed record KnowledgeViewer(
    Guid? UserId,
    string Name,
    Guid? OrganisationId,
    bool IsSecretariat,
    bool IsBuyerSide,
    IReadOnlyList<Guid> CoordinatedGroupIds)
{
    public static KnowledgeViewer Anonymous { get; } = new(null, string.Empty, null, false, false, []);

    /// <summary>Public content for everyone; members-only content for people on the buying side.</summary>
    public bool MayRead(KnowledgeVisibility visibility) => visibility == KnowledgeVisibility.Public || IsBuyerSide;

    /// <summary>The secretariat and the coordinators of the case's buyer group review it.</summary>
    public bool MayReview(Guid buyerGroupId) => IsSecretariat || CoordinatedGroupIds.Contains(buyerGroupId);

    /// <summary>Only the author's organisation's people (and the author) change a case.</summary>
    public bool MayEdit(Guid organisationId, Guid authorUserId) =>
        UserId is not null && (OrganisationId == organisationId || UserId == authorUserId);

    /// <summary>Unpublished cases: their organisation's people, their reviewers and the secretariat.</summary>
    public bool MaySeeUnpublished(Guid organisationId, Guid buyerGroupId, Guid authorUserId) =>
        MayEdit(organisationId, authorUserId) || MayReview(buyerGroupId);

    public Guid RequiredUserId => UserId ?? throw new ForbiddenException("Sign in first.");

    internal static async Task<KnowledgeViewer> LoadAsync(PortalDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.UserId() is not { } userId)
        {
            return Anonymous;
        }

        var organisationId =
            await db.Users.Where(u => u.Id == userId).Select(u => u.MemberOrganisationId).SingleOrDefaultAsync(cancellationToken);
        var groups = user.IsInRole(PortalRoles.BuyerGroupCoordinator)
            ? await db.BuyerGroupCoordinators.Where(c => c.UserId == userId).Select(c => c.BuyerGroupId).ToListAsync(cancellationToken)
            : [];
        return new KnowledgeViewer(userId, user.DisplayName(), organisationId, user.IsSecretariat(), user.IsBuyerSide(), groups);
    }
}
