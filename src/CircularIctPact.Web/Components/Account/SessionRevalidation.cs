using CircularIctPact.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Web.Components.Account;

/// <summary>How often an open interactive page compares its sign-in with the account (decision record 0023).</summary>
public sealed class SessionRevalidationOptions
{
    public const string Section = "Sessions";

    /// <summary>At most this many seconds pass before an open page notices changed rights or a changed password.</summary>
    public int Seconds { get; set; } = 15;

    /// <summary>
    /// Registers the per-request cookie check, the circuits' revalidation and its gate; after Identity's sign-in manager,
    /// whose stamp validator it replaces.
    /// </summary>
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SessionRevalidationOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(options => options.Seconds is >= 1 and <= 30, $"{Section}:{nameof(Seconds)} must be between 1 and 30.")
            .ValidateOnStart();
        services.AddSingleton<SignInStamps>();
        services.AddScoped<ISecurityStampValidator, PortalSecurityStampValidator>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CircuitHandler, LapsedSignInGate>();
    }
}
