using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Web.Features.Administrators;

public static class AdministratorsFeature
{
    /// <summary>The operator's commands for secretariat administrators and the set-up page they lead to.</summary>
    public static IServiceCollection AddAdministratorsFeature(this IServiceCollection services)
    {
        services.AddScoped<AdministratorAccess>();
        services.AddScoped<AdministratorSetup>();
        services.AddTransient<AdministratorSetupTokenProvider>();
        services.Configure<IdentityOptions>(options => options.Tokens.ProviderMap[AdministratorSetupTokenProvider.ProviderName] =
            new TokenProviderDescriptor(typeof(AdministratorSetupTokenProvider)));
        return services;
    }
}
