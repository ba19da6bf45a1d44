using CircularIctPact.Web.Features.Common;
using MudBlazor;

namespace CircularIctPact.Web.Features.Signatories;

/// <summary>The public list of signatories and the secretariat's administration of them.</summary>
public sealed class SignatoriesFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/signatories", PortalAudience.Anyone),
        RouteAudience.Page("/admin/signatories", PortalAudience.Secretariat),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new(NavigationSection.Pact, 20, "Signatories", "signatories", Icons.Material.Outlined.Public, PortalAudience.Anyone),
        new(
            NavigationSection.Secretariat,
            10,
            "Manage signatories",
            "admin/signatories",
            Icons.Material.Outlined.HistoryEdu,
            PortalAudience.Secretariat),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<SignatoryAdministration>().AddScoped<PublicSignatoryList>();
}
