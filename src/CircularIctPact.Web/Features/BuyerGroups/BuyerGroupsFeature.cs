using CircularIctPact.Domain.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.AspNetCore.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.BuyerGroups;

/// <summary>The secretariat's buyer-group administration and the group scope every group-scoped service checks.</summary>
public sealed class BuyerGroupsFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/admin/buyer-groups", PortalAudience.Secretariat),
        RouteAudience.Page("/admin/buyer-groups/{Id:guid}", PortalAudience.Secretariat),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [new(
            NavigationSection.Secretariat,
            20,
            "Manage buyer groups",
            "admin/buyer-groups",
            Icons.Material.Outlined.Groups,
            PortalAudience.Secretariat)];

    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
        [PersonalDataRegistration.By<GroupRolesPersonalData>().Covers<BuyerGroupCoordinator>(link => link.UserId)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IAuthorizationHandler, BuyerGroupAuthorizationHandler>();
        services.AddScoped<BuyerGroupAccess>();
        services.AddScoped<CoordinatorAssignments>();
        services.AddScoped<BuyerGroupAdministration>();
    }
}
