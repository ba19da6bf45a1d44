using System.Linq.Expressions;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.WorkingGroups;

/// <summary>Where the caller stands in one working group; every working-group service decides from this.</summary>
public sealed record GroupStanding(bool IsSecretariat, bool IsChair, bool IsParticipant, bool IsBuyerSide)
{
    public static readonly GroupStanding Outsider = new(false, false, false, false);

    /// <summary>Chairs run their own group; the secretariat runs all.</summary>
    public bool CanManage => IsSecretariat || IsChair;

    /// <summary>Meetings, participants, action items and group-only outcomes.</summary>
    public bool SeesGroupContent => CanManage || IsParticipant;
}

/// <summary>The visibility rules of working groups: who manages, who reads what.</summary>
public static class WorkingGroupAccess
{
    public const string EntityType = "WorkingGroup";

    /// <summary>People on the buying side of the pact; external stakeholders are not.</summary>
    public static bool IsBuyerSide(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && (user.IsInRole(PortalRoles.SecretariatAdmin) || user.IsInRole(PortalRoles.BuyerGroupCoordinator)
            || user.IsInRole(PortalRoles.Procurer) || user.IsInRole(PortalRoles.WorkingGroupChair));

    public static async Task<GroupStanding> StandingAsync(
        PortalDbContext db,
        ClaimsPrincipal user,
        Guid workingGroupId,
        CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return GroupStanding.Outsider;
        }

        var userId = user.UserId();
        var role = await db.WorkingGroupParticipants.AsNoTracking()
            .Where(p => p.WorkingGroupId == workingGroupId && p.UserId == userId)
            .Select(p => (ParticipantRole?)p.Role)
            .FirstOrDefaultAsync(cancellationToken);
        return new GroupStanding(user.IsSecretariat(), role == ParticipantRole.Chair, role is not null, IsBuyerSide(user));
    }

    /// <summary>Throws unless the caller chairs this group or is the secretariat.</summary>
    public static async Task<GroupStanding> EnsureManageAsync(
        PortalDbContext db,
        ClaimsPrincipal user,
        Guid workingGroupId,
        CancellationToken cancellationToken)
    {
        var standing = await StandingAsync(db, user, workingGroupId, cancellationToken);
        return standing.CanManage
            ? standing
            : throw new ForbiddenException("Only the chairs of this working group and the pact secretariat can change it.");
    }

    /// <summary>The outcomes of one group the caller may read: drafts only for those who manage it.</summary>
    public static Expression<Func<WorkingGroupOutcome, bool>> VisibleOutcomes(GroupStanding standing)
    {
        if (standing.CanManage)
        {
            return o => true;
        }

        if (standing.IsParticipant)
        {
            return o => o.Status == OutcomeStatus.Published;
        }

        return standing.IsBuyerSide
            ? o => o.Status == OutcomeStatus.Published && o.Visibility != OutcomeVisibility.WorkingGroup
            : o => o.Status == OutcomeStatus.Published && o.Visibility == OutcomeVisibility.Public;
    }

    /// <summary>
    /// The download rule for a working-group document: an outcome's document follows the outcome's
    /// visibility (drafts stay with the chairs); a meeting's document is for the group.
    /// </summary>
    internal static async Task<bool> MayDownloadAsync(
        PortalDbContext db,
        WorkingGroupDocumentReference document,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (document.IsPublic)
        {
            return true;
        }

        var standing = await StandingAsync(db, user, document.WorkingGroupId, cancellationToken);
        if (document.OutcomeStatus is null)
        {
            return standing.SeesGroupContent;
        }

        return standing.CanManage
            || (document.OutcomeStatus == OutcomeStatus.Published
                && (standing.IsParticipant || (standing.IsBuyerSide && document.OutcomeVisibility == OutcomeVisibility.AllMembers)));
    }
}

/// <summary>What a stored document belongs to in a working group; the outcome fields are null for a meeting's document.</summary>
public sealed record WorkingGroupDocumentReference(Guid WorkingGroupId, OutcomeStatus? OutcomeStatus, OutcomeVisibility? OutcomeVisibility)
{
    public bool IsPublic =>
        OutcomeStatus == Domain.WorkingGroups.OutcomeStatus.Published && OutcomeVisibility == Domain.WorkingGroups.OutcomeVisibility.Public;
}
