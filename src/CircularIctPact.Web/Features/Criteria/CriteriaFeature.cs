using CircularIctPact.Infrastructure.Seeding;

namespace CircularIctPact.Web.Features.Criteria;

public static class CriteriaFeature
{
    /// <summary>Registers the criteria library's services, its seeder and the OpenAPI document.</summary>
    public static IServiceCollection AddCriteriaFeature(this IServiceCollection services)
    {
        services.AddOpenApi();
        services.AddScoped<CriteriaSeeder>();
        services.AddScoped<CriteriaCatalogue>();
        services.AddScoped<CriteriaChanges>();
        services.AddScoped<CriteriaEditor>();
        services.AddScoped<CriteriaExchange>();
        services.AddScoped<SavedShortlists>();
        services.AddScoped<CriteriaSuggestions>();
        return services;
    }
}
