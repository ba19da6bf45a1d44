using CircularIctPact.Domain.Criteria;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Privacy;
using MudBlazor;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>The criteria catalogue, shortlists, the open-data API and the secretariat's criteria-set lifecycle.</summary>
public sealed class CriteriaFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/criteria", PortalAudience.Anyone),
        RouteAudience.Page("/criteria/{ProductGroup}/{Version}/{Code}", PortalAudience.Anyone),
        RouteAudience.Page("/criteria/{ProductGroup}/{Version}/changes", PortalAudience.Anyone),
        RouteAudience.Page("/criteria/{ProductGroup}/{Version}/themes/{Theme}", PortalAudience.Anyone),
        RouteAudience.Page("/criteria/shortlist", PortalAudience.Anyone),
        RouteAudience.Post("/criteria/shortlist", PortalAudience.Anyone),
        RouteAudience.Get("/criteria/shortlist/export", PortalAudience.Anyone),
        RouteAudience.Post("/criteria/shortlist/saved/", PortalAudience.SignedIn),
        RouteAudience.Post("/criteria/shortlist/saved/{id:guid}/load", PortalAudience.SignedIn),
        RouteAudience.Post("/criteria/shortlist/saved/{id:guid}/delete", PortalAudience.SignedIn),
        RouteAudience.Get("/api/v1/criteria", PortalAudience.Anyone),
        RouteAudience.Get("/api/v1/product-groups", PortalAudience.Anyone),
        RouteAudience.Get("/api/v1/product-groups/{productGroup}/versions", PortalAudience.Anyone),
        RouteAudience.Get("/openapi/{documentName}.json", PortalAudience.Anyone),
        RouteAudience.Get("/api/docs/{documentName?}", PortalAudience.Anyone),
        RouteAudience.Get("/api/docs/scalar.js", PortalAudience.Anyone),
        RouteAudience.Get("/api/docs/scalar.aspnetcore.js", PortalAudience.Anyone),
        RouteAudience.Get("/api/docs/favicon.svg", PortalAudience.Anyone),
        RouteAudience.Page("/admin/criteria", PortalAudience.Secretariat),
        RouteAudience.Page("/admin/criteria/sets/{Id:guid}", PortalAudience.Secretariat),
        RouteAudience.Page("/admin/criteria/import/{ProductGroup}", PortalAudience.Secretariat),
        RouteAudience.Get("/admin/criteria/sets/{id:guid}/export.json", PortalAudience.Secretariat),
        RouteAudience.Get("/admin/criteria/sets/{id:guid}/export.xlsx", PortalAudience.Secretariat),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new(NavigationSection.Pact, 30, "Criteria", "criteria", Icons.Material.Outlined.FactCheck, PortalAudience.Anyone),
        new(
            NavigationSection.Secretariat,
            30,
            "Criteria sets",
            "admin/criteria",
            Icons.Material.Outlined.EditNote,
            PortalAudience.Secretariat),
    ];

    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
    [
        PersonalDataRegistration.By<CriteriaPersonalData>()
            .Covers<SavedShortlist>(shortlist => shortlist.OwnerUserId)
            .Covers<CriterionSuggestion>(suggestion => suggestion.AuthorUserId)
            .Covers<CriterionSuggestion>(suggestion => suggestion.TriagedByUserId),
    ];

    /// <summary>Registers the criteria library's services and the OpenAPI document.</summary>
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenApi();
        services.AddScoped<CriteriaCatalogue>();
        services.AddScoped<CriteriaChanges>();
        services.AddScoped<CriteriaEditor>();
        services.AddScoped<CriteriaExchange>();
        services.AddScoped<SavedShortlists>();
        services.AddScoped<CriteriaSuggestions>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapCriteriaApi();
}
