using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Tenders;

namespace CircularIctPact.Web.Features.Demand;

/// <summary>Registers and maps the demand dashboard, its CSV export and the public market signal.</summary>
public static class DemandFeature
{
    public static IServiceCollection AddDemandFeature(this IServiceCollection services)
    {
        services.AddSingleton<PactWideDemand>();
        services.AddScoped<DemandSignal>();
        services.AddScoped<MarketSignalPublisher>();
        services.AddScoped<MarketSignalDemoData>();
        return services;
    }

    public static IEndpointRouteBuilder MapDemandEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/demand/export.csv", (HttpContext http, DemandSignal signal, CancellationToken cancellationToken) =>
                TendersFeature.Download(http, async user => Results.File(await signal.CsvAsync(user, ReadQuery(http.Request.Query), cancellationToken), TendersFeature.CsvType, "planned-demand.csv")))
            .RequireAuthorization(PortalPolicies.CoordinatorOrSecretariat);
        return endpoints;
    }

    public static DemandQuery ReadQuery(IQueryCollection query) => new(
        Guid.TryParse(query["group"], out var group) ? group : null,
        string.IsNullOrWhiteSpace(query["country"]) ? null : query["country"].ToString());
}
