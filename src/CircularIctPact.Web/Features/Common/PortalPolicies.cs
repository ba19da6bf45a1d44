using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CircularIctPact.Web.Features.Common;

/// <summary>
/// The outer authorization layer on pages and endpoints. Scopes (which buyer group, which working
/// group) are checked again inside each feature service.
/// </summary>
public static class PortalPolicies
{
    /// <summary>Secretariat admins, and only once they sign in with a second factor.</summary>
    public const string Secretariat = nameof(Secretariat);
    public const string Coordinator = nameof(Coordinator);
    public const string Chair = nameof(Chair);
    public const string Procurer = nameof(Procurer);

    /// <summary>Buyer-group coordinators and the secretariat (with two factors): member administration and onboarding pages; services check which groups.</summary>
    public const string CoordinatorOrSecretariat = nameof(CoordinatorOrSecretariat);

    /// <summary>Procurers, coordinators and the secretariat (with two factors): tender pages; services check which organisation or groups.</summary>
    public const string ProcurerCoordinatorOrSecretariat = nameof(ProcurerCoordinatorOrSecretariat);

    /// <summary>People on the buying side of the pact (never external stakeholders).</summary>
    public const string BuyerSide = nameof(BuyerSide);

    /// <summary>Who adds to the knowledge library: the secretariat (with two factors), coordinators and working-group chairs.</summary>
    public const string LibraryCurator = nameof(LibraryCurator);

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Secretariat, policy => policy
            .RequireRole(PortalRoles.SecretariatAdmin)
            .RequireClaim(PortalClaims.TwoFactorEnabled, "true"));
        options.AddPolicy(Coordinator, policy => policy.RequireRole(PortalRoles.BuyerGroupCoordinator));
        options.AddPolicy(CoordinatorOrSecretariat, policy => policy.RequireAssertion(context =>
            context.User.IsInRole(PortalRoles.BuyerGroupCoordinator) || context.User.IsSecretariat()));
        options.AddPolicy(ProcurerCoordinatorOrSecretariat, policy => policy.RequireAssertion(context =>
            context.User.IsInRole(PortalRoles.Procurer) || context.User.IsInRole(PortalRoles.BuyerGroupCoordinator) || context.User.IsSecretariat()));
        options.AddPolicy(Chair, policy => policy.RequireRole(PortalRoles.WorkingGroupChair));
        options.AddPolicy(Procurer, policy => policy.RequireRole(PortalRoles.Procurer));
        options.AddPolicy(BuyerSide, policy => policy.RequireRole(
            PortalRoles.SecretariatAdmin, PortalRoles.BuyerGroupCoordinator, PortalRoles.Procurer, PortalRoles.WorkingGroupChair));
        options.AddPolicy(LibraryCurator, policy => policy.RequireAssertion(context =>
            context.User.IsInRole(PortalRoles.BuyerGroupCoordinator) || context.User.IsInRole(PortalRoles.WorkingGroupChair) || context.User.IsSecretariat()));
    }
}
