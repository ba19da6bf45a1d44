using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CircularIctPact.Web.Hosting;

/// <summary>The host's own pages and endpoints: errors, health checks, and the theme and language preferences.</summary>
internal sealed class PortalHostFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/not-found", PortalAudience.Anyone),
        RouteAudience.Page("/Error", PortalAudience.Anyone),
        RouteAudience.Get("/health/live", PortalAudience.Anyone),
        RouteAudience.Get("/health/ready", PortalAudience.Anyone),
        RouteAudience.Post("/preferences/theme", PortalAudience.Anyone),
        RouteAudience.Get("/theme/{mode}.css", PortalAudience.Anyone),
        RouteAudience.Post("/preferences/culture", PortalAudience.Anyone),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        endpoints.MapPortalPreferences();
        endpoints.MapPortalThemeStylesheets();
        endpoints.MapPortalCultureSwitch();
    }
}
