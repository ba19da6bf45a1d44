using CircularIctPact.Web.Features.Common;
using MudBlazor;

namespace CircularIctPact.Web.Features.Demand;

/// <summary>The demand dashboard, its CSV export and the public market signal.</summary>
public sealed class DemandFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/demand", PortalAudience.CoordinatorOrSecretariat),
        RouteAudience.Get("/demand/export.csv", PortalAudience.CoordinatorOrSecretariat),
        RouteAudience.Page("/market-signal", PortalAudience.Anyone),
        RouteAudience.Page("/admin/market-signal", PortalAudience.Secretariat),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new(NavigationSection.Pact, 90, "Market signal", "market-signal", Icons.Material.Outlined.QueryStats, PortalAudience.Anyone),
        new(NavigationSection.Work, 80, "Planned demand", "demand", Icons.Material.Outlined.BarChart, PortalAudience.Coordinator),
        new(
            NavigationSection.Secretariat,
            80,
            "Planned demand (pact-wide)",
            "demand",
            Icons.Material.Outlined.BarChart,
            PortalAudience.Secretariat),
        new(
            NavigationSection.Secretariat,
            90,
            "Publish market signal",
            "admin/market-signal",
            Icons.Material.Outlined.Campaign,
            PortalAudience.Secretariat),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PactWideDemand>();
        services.AddScoped<DemandSignal>();
        services.AddScoped<MarketSignalPublisher>();
        services.AddScoped<MarketSignalDemoData>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/demand/export.csv", (HttpContext http, DemandSignal signal, CancellationToken cancellationToken) =>
                Downloads.RunAsync(http, async user => Results.File(
                    await signal.CsvAsync(user, ReadQuery(http.Request.Query), cancellationToken),
                    CsvFile.ContentType,
                    "planned-demand.csv")))
            .RequireAuthorization(PortalPolicies.CoordinatorOrSecretariat);

    public static DemandQuery ReadQuery(IQueryCollection query) => new(
        Guid.TryParse(query["group"], out var group) ? group : null,
        string.IsNullOrWhiteSpace(query["country"]) ? null : query["country"].ToString());
}
