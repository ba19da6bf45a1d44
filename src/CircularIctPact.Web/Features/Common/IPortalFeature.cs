using CircularIctPact.Web.Features.Notifications;
using CircularIctPact.Web.Features.Privacy;

namespace CircularIctPact.Web.Features.Common;

/// <summary>
/// Everything the host needs to know about one feature, declared in its own folder (<c>Features/&lt;Name&gt;/&lt;Name&gt;Feature.cs</c>):
/// its services and endpoints, who may reach each of its pages, its menu entries, the personal data it keeps and the
/// notifications it sends. The host lists the features once (<c>Hosting/PortalFeatures</c>); the menu, the
/// authorization matrix test, the privacy guard and the notification settings read these declarations.
/// </summary>
public interface IPortalFeature
{
    /// <summary>Registers the feature's services (its personal-data contributors are registered by the host).</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps the feature's endpoints other than its Razor pages.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    /// <summary>Every page and endpoint of the feature with the audience it is meant for.</summary>
    IReadOnlyList<RouteAudience> Routes => [];

    /// <summary>The feature's entries in the main menu.</summary>
    IReadOnlyList<NavigationEntry> Navigation => [];

    /// <summary>What the feature stores about a person and who exports and forgets it.</summary>
    IReadOnlyList<PersonalDataRegistration> PersonalData => [];

    /// <summary>The kinds of notification the feature publishes, with the English label people choose them by.</summary>
    IReadOnlyList<NotificationKindLabel> NotificationKinds => [];
}
