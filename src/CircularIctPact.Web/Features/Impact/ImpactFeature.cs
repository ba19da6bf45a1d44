using CircularIctPact.Web.Features.Tenders;

namespace CircularIctPact.Web.Features.Impact;

public static class ImpactFeature
{
    /// <summary>Registers the self-assessment and impact-monitoring services.</summary>
    public static IServiceCollection AddImpactFeature(this IServiceCollection services)
    {
        services.AddScoped<SelfAssessments>();
        services.AddScoped<ImpactFigures>();
        services.AddSingleton<PactWideReads<TenderFigures>>();
        return services;
    }

    /// <summary>Maps the yearly report download.</summary>
    public static IEndpointRouteBuilder MapImpactEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ImpactReport.Map(endpoints);
        return endpoints;
    }
}
