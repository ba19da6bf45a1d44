namespace CircularIctPact.Web.Features.Criteria;

public static class CriteriaFeature
{
    /// <summary>Registers the criteria library's services and the OpenAPI document.</summary>
    public static IServiceCollection AddCriteriaFeature(this IServiceCollection services)
    {
        services.AddOpenApi();
        services.AddScoped<CriteriaCatalogue>();
        services.AddScoped<CriteriaChanges>();
        services.AddScoped<CriteriaEditor>();
        services.AddScoped<CriteriaExchange>();
        services.AddScoped<SavedShortlists>();
        services.AddScoped<CriteriaSuggestions>();
        return services;
    }
}
