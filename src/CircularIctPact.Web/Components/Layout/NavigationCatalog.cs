using CircularIctPact.Domain.Common;
using MudBlazor;

namespace CircularIctPact.Web.Components.Layout;

/// <summary>Who may see an entry in the main navigation.</summary>
public enum NavAudience
{
    Everyone,
    SignedIn,
    BuyerSide,
    Secretariat,
    Coordinator,
    Chair,
    Procurer,
}

public sealed record NavEntry(string Title, string Href, string Icon, NavAudience Audience, string Section);

/// <summary>Every page in the main navigation, with the audience allowed to see it. Pages enforce access themselves.</summary>
public static class NavigationCatalog
{
    public const string PactSection = "The pact";
    public const string WorkSection = "My work";
    public const string SecretariatSection = "Secretariat";

    public static IReadOnlyList<NavEntry> Entries { get; } =
    [
        new("Home", "", Icons.Material.Outlined.Home, NavAudience.Everyone, PactSection),
        new("Signatories", "signatories", Icons.Material.Outlined.Public, NavAudience.Everyone, PactSection),
        new("Criteria", "criteria", Icons.Material.Outlined.FactCheck, NavAudience.Everyone, PactSection),
        new("My organisation", "my-organisation", Icons.Material.Outlined.Business, NavAudience.Procurer, WorkSection),
        new("Criteria sets", "admin/criteria", Icons.Material.Outlined.EditNote, NavAudience.Secretariat, SecretariatSection),
        new("Account", "Account/Manage", Icons.Material.Outlined.Person, NavAudience.SignedIn, WorkSection),
    ];

    public static bool IsVisibleTo(this NavEntry entry, System.Security.Claims.ClaimsPrincipal user)
    {
        var signedIn = user.Identity?.IsAuthenticated == true;
        return entry.Audience switch
        {
            NavAudience.Everyone => true,
            NavAudience.SignedIn => signedIn,
            NavAudience.BuyerSide => signedIn && (user.IsInRole(PortalRoles.SecretariatAdmin) || user.IsInRole(PortalRoles.BuyerGroupCoordinator)
                || user.IsInRole(PortalRoles.Procurer) || user.IsInRole(PortalRoles.WorkingGroupChair)),
            NavAudience.Secretariat => Features.Common.ClaimsPrincipalExtensions.IsSecretariat(user),
            NavAudience.Coordinator => user.IsInRole(PortalRoles.BuyerGroupCoordinator),
            NavAudience.Chair => user.IsInRole(PortalRoles.WorkingGroupChair),
            NavAudience.Procurer => user.IsInRole(PortalRoles.Procurer),
            _ => false,
        };
    }
}
