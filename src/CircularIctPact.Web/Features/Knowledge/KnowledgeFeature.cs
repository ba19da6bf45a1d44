using CircularIctPact.Infrastructure.Seeding;

namespace CircularIctPact.Web.Features.Knowledge;

public static class KnowledgeFeature
{
    /// <summary>Registers good-practice cases and the library.</summary>
    public static IServiceCollection AddKnowledgeFeature(this IServiceCollection services) =>
        services.AddScoped<KnowledgeDemoData>().AddScoped<GoodPracticeCases>().AddScoped<LibraryCatalogue>().AddScoped<ProductGroupOptions>();
}
