namespace CircularIctPact.Web.Features.Calculator;

public static class CalculatorFeature
{
    /// <summary>Registers the life-cycle calculator's services.</summary>
    public static IServiceCollection AddCalculatorFeature(this IServiceCollection services) =>
        services.AddScoped<SavedCalculations>();

    /// <summary>Maps the calculator's export and saved-calculation endpoints.</summary>
    public static IEndpointRouteBuilder MapCalculatorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        SavedCalculations.Map(endpoints);
        return endpoints;
    }
}
