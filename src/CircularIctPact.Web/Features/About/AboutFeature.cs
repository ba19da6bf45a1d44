using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.About;

/// <summary>The accessibility and privacy statements.</summary>
public sealed class AboutFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/accessibility", PortalAudience.Anyone),
        RouteAudience.Page("/privacy", PortalAudience.Anyone),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
