using CircularIctPact.Web.Features.Common;
using MudBlazor;

namespace CircularIctPact.Web.Features.Users;

/// <summary>The secretariat's user administration and the role changes other features make to accounts.</summary>
public sealed class UsersFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } = [RouteAudience.Page("/admin/users", PortalAudience.Secretariat)];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [new(
            NavigationSection.Secretariat,
            130,
            "Users",
            "admin/users",
            Icons.Material.Outlined.ManageAccounts,
            PortalAudience.Secretariat)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AccountChanges>();
        services.AddScoped<UserAdministration>();
    }
}
