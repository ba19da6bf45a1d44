using System.Security.Claims;
using CircularIctPact.Domain.Common;

namespace CircularIctPact.Web.Features.Common;

/// <summary>
/// Who may reach a page or see a menu entry. Scopes within it (which buyer group, which working group) are checked
/// again by the feature services.
/// </summary>
public enum PortalAudience
{
    Anyone,
    SignedIn,
    Procurer,
    Coordinator,
    Chair,

    /// <summary>Secretariat admins, and only once they sign in with a second factor.</summary>
    Secretariat,

    /// <summary>Coordinators and the secretariat (with two factors).</summary>
    CoordinatorOrSecretariat,

    /// <summary>Procurers, coordinators and the secretariat (with two factors).</summary>
    ProcurerCoordinatorOrSecretariat,

    /// <summary>Everyone on the buying side (procurers, coordinators, chairs, secretariat); never stakeholders.</summary>
    BuyerSide,

    /// <summary>
    /// Whoever organises events: the secretariat (with two factors), coordinators and working-group chairs; the page checks it itself.
    /// </summary>
    Organiser,

    /// <summary>Who adds to the knowledge library: the secretariat (with two factors), coordinators and working-group chairs.</summary>
    LibraryCurator,

    /// <summary>Chairs and external stakeholders (who take part in working groups); others find their groups on the public list.</summary>
    WorkingGroupParticipant,
}

/// <summary>The one rule per audience: the authorization policies and the menu both apply it.</summary>
public static class PortalAudiences
{
    public static bool Admits(this PortalAudience audience, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return audience switch
        {
            PortalAudience.Anyone => true,
            PortalAudience.SignedIn => user.Identity?.IsAuthenticated == true,
            PortalAudience.Procurer => user.IsInRole(PortalRoles.Procurer),
            PortalAudience.Coordinator => user.IsInRole(PortalRoles.BuyerGroupCoordinator),
            PortalAudience.Chair => user.IsInRole(PortalRoles.WorkingGroupChair),
            PortalAudience.Secretariat => user.IsSecretariat(),
            PortalAudience.CoordinatorOrSecretariat => user.IsInRole(PortalRoles.BuyerGroupCoordinator) || user.IsSecretariat(),
            PortalAudience.ProcurerCoordinatorOrSecretariat =>
                user.IsInRole(PortalRoles.Procurer) || user.IsInRole(PortalRoles.BuyerGroupCoordinator) || user.IsSecretariat(),
            PortalAudience.BuyerSide => user.IsBuyerSide(),
            PortalAudience.Organiser or PortalAudience.LibraryCurator =>
                user.IsInRole(PortalRoles.BuyerGroupCoordinator) || user.IsInRole(PortalRoles.WorkingGroupChair) || user.IsSecretariat(),
            PortalAudience.WorkingGroupParticipant => user.IsInRole(PortalRoles.WorkingGroupChair)
                || user.IsInRole(PortalRoles.Stakeholder),
            _ => false,
        };
    }
}

/// <summary>
/// The audience of one route: <c>PAGE /path</c> for a Razor page (its GET and form POST share one rule),
/// <c>METHOD /path</c> for other endpoints, with the route template as the route table spells it.
/// </summary>
public sealed record RouteAudience(string Route, PortalAudience Audience)
{
    public static RouteAudience Page(string template, PortalAudience audience) => new($"PAGE {template}", audience);

    public static RouteAudience Get(string template, PortalAudience audience) => new($"GET {template}", audience);

    public static RouteAudience Post(string template, PortalAudience audience) => new($"POST {template}", audience);
}
