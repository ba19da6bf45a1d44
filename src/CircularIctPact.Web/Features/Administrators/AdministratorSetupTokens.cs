using CircularIctPact.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CircularIctPact.Web.Features.Administrators;

/// <summary>
/// Signs the set-up addresses of secretariat administrators. A token carries its creation time and the account's
/// security stamp: it expires after <see cref="Lifespan"/>, and setting the password (or enabling two-factor) renews the
/// stamp, so each token works once. Its own protector name keeps these tokens apart from password-reset links.
/// </summary>
public sealed class AdministratorSetupTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<AdministratorSetupTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "AdministratorSetup";

    /// <summary>The purpose of the address printed by the command: choose a password.</summary>
    public const string ChoosePasswordPurpose = "AdministratorSetup.ChoosePassword";

    /// <summary>The purpose of the form's token between choosing the password and enrolling the authenticator.</summary>
    public const string EnrolAuthenticatorPurpose = "AdministratorSetup.EnrolAuthenticator";

    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(24);
}

/// <summary>The administrator set-up tokens' protector name and lifespan.</summary>
public sealed class AdministratorSetupTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public AdministratorSetupTokenProviderOptions()
    {
        Name = AdministratorSetupTokenProvider.ProviderName;
        TokenLifespan = AdministratorSetupTokenProvider.Lifespan;
    }
}
