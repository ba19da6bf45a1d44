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

    /// <summary>
    /// Buyer-group coordinators and the secretariat (with two factors): member administration and onboarding pages; services check which
    /// groups.
    /// </summary>
    public const string CoordinatorOrSecretariat = nameof(CoordinatorOrSecretariat);

    /// <summary>
    /// Procurers, coordinators and the secretariat (with two factors): tender pages; services check which organisation or groups.
    /// </summary>
    public const string ProcurerCoordinatorOrSecretariat = nameof(ProcurerCoordinatorOrSecretariat);

    /// <summary>People on the buying side of the pact (never external stakeholders).</summary>
    public const string BuyerSide = nameof(BuyerSide);

    /// <summary>Who adds to the knowledge library: the secretariat (with two factors), coordinators and working-group chairs.</summary>
    public const string LibraryCurator = nameof(LibraryCurator);

    /// <summary>
    /// The audience each policy admits: one rule per audience, shared with the menu (<see cref="PortalAudiences.Admits"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, PortalAudience> Audiences { get; } =
        new Dictionary<string, PortalAudience>(StringComparer.Ordinal)
        {
            [Secretariat] = PortalAudience.Secretariat,
            [Coordinator] = PortalAudience.Coordinator,
            [CoordinatorOrSecretariat] = PortalAudience.CoordinatorOrSecretariat,
            [ProcurerCoordinatorOrSecretariat] = PortalAudience.ProcurerCoordinatorOrSecretariat,
            [Chair] = PortalAudience.Chair,
            [Procurer] = PortalAudience.Procurer,
            [BuyerSide] = PortalAudience.BuyerSide,
            [LibraryCurator] = PortalAudience.LibraryCurator,
        };

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (policy, audience) in Audiences)
        {
            options.AddPolicy(policy, requirement => requirement.RequireAssertion(context => audience.Admits(context.User)));
        }
    }
}
