using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>How long "Remember this browser" lets a person skip the authenticator code (never for secretariat administrators).</summary>
public sealed class TwoFactorRememberOptions
{
    public const string Section = "TwoFactor";
    public const int MaxDays = 30;

    /// <summary>Days a remembered browser skips the code; 0 turns remembering off for everybody.</summary>
    public int RememberBrowserDays { get; set; } = 14;

    /// <summary>
    /// Binds the options from configuration, refuses more than <see cref="MaxDays"/> at start-up, and sets the cookie's lifetime.
    /// </summary>
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwoFactorRememberOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(
                options => options.RememberBrowserDays is >= 0 and <= MaxDays,
                $"{Section}:{nameof(RememberBrowserDays)} must be between 0 and {MaxDays}.")
            .ValidateOnStart();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme)
            .Configure<IOptions<TwoFactorRememberOptions>>((cookie, remember) =>
                cookie.ExpireTimeSpan = TimeSpan.FromDays(Math.Max(1, remember.Value.RememberBrowserDays)));
    }
}
