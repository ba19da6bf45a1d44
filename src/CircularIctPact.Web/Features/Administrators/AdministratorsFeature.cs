using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Web.Features.Administrators;

/// <summary>The operator's commands for secretariat administrators and the set-up page they lead to.</summary>
public sealed class AdministratorsFeature : IPortalFeature
{
    /// <summary>The set-up page is reached through the single-use link the operator's command prints.</summary>
    public IReadOnlyList<RouteAudience> Routes { get; } = [RouteAudience.Page("/Account/SetUp", PortalAudience.Anyone)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AdministratorAccess>();
        services.AddScoped<AdministratorSetup>();
        services.AddTransient<AdministratorSetupTokenProvider>();
        services.Configure<IdentityOptions>(options => options.Tokens.ProviderMap[AdministratorSetupTokenProvider.ProviderName] =
            new TokenProviderDescriptor(typeof(AdministratorSetupTokenProvider)));
    }
}
