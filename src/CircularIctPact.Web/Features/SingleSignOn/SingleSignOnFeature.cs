using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Hosting;

namespace CircularIctPact.Web.Features.SingleSignOn;

/// <summary>
/// Sign-in with an organisation's account: the OpenID Connect schemes and their endpoints (<c>Hosting/SingleSignOn</c>)
/// and the linking of provider logins to accounts.
/// </summary>
public sealed class SingleSignOnFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/Account/ExternalLogin", PortalAudience.Anyone),
        RouteAudience.Get("/Account/ExternalLogin/Challenge", PortalAudience.Anyone),
        RouteAudience.Get("/Account/ExternalLogin/Complete", PortalAudience.SignedIn),
        RouteAudience.Page("/Account/Manage/ExternalLogins", PortalAudience.SignedIn),
        RouteAudience.Get("/Account/Manage/ExternalLogins/Link", PortalAudience.SignedIn),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddSingleSignOn(configuration);

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSingleSignOnEndpoints();
}
