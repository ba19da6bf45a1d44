using CircularIctPact.Web.Features.Common;
using MudBlazor;

namespace CircularIctPact.Web.Features.Home;

/// <summary>The home page with each person's figures.</summary>
public sealed class HomeFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } = [RouteAudience.Page("/", PortalAudience.Anyone)];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [new(NavigationSection.Pact, 10, "Home", "", Icons.Material.Outlined.Home, PortalAudience.Anyone)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<HomeDashboard>();
}
