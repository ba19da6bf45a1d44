using CircularIctPact.Domain.Impact;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Privacy;
using MudBlazor;

namespace CircularIctPact.Web.Features.Calculator;

/// <summary>The public life-cycle cost and CO2 calculator, its export and saved calculations.</summary>
public sealed class CalculatorFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/calculator", PortalAudience.Anyone),
        RouteAudience.Get("/calculator/export.csv", PortalAudience.Anyone),
        RouteAudience.Post("/calculator/saved/", PortalAudience.SignedIn),
        RouteAudience.Post("/calculator/saved/{id:guid}/delete", PortalAudience.SignedIn),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [new(NavigationSection.Pact, 100, "Life-cycle calculator", "calculator", Icons.Material.Outlined.Calculate, PortalAudience.Anyone)];

    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
        [PersonalDataRegistration.By<CalculatorPersonalData>().Covers<SavedCalculation>(calculation => calculation.OwnerUserId)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<SavedCalculations>();

    /// <summary>Maps the calculator's export and saved-calculation endpoints.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => SavedCalculations.Map(endpoints);
}
