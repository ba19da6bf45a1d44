using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>
/// Checks the sign-in cookie's stamps on every request rather than once per validation interval, so that no request,
/// including the reload of a page whose circuit found the sign-in changed, is served with rights the account no longer
/// has: a changed security stamp signs the person out, a changed rights stamp makes the cookie again with the current
/// roles and claims and keeps the person signed in. In between, Identity's own check still refreshes the claims once
/// per <see cref="SecurityStampValidatorOptions.ValidationInterval"/>.
/// </summary>
public sealed class PortalSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<ApplicationUser> signInManager,
    ILoggerFactory loggerFactory,
    SignInStamps stamps)
    : SecurityStampValidator<ApplicationUser>(options, signInManager, loggerFactory)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } principal)
        {
            await base.ValidateAsync(context);
            return;
        }

        switch (await stamps.CheckAsync(principal, context.HttpContext.RequestAborted))
        {
            case SignInStanding.Ended:
                context.RejectPrincipal();
                await SignInManager.SignOutAsync();
                await SignInManager.Context.SignOutAsync(IdentityConstants.TwoFactorRememberMeScheme);
                break;
            case SignInStanding.RightsChanged when await SignInManager.UserManager.GetUserAsync(principal) is { } user:
                await SecurityStampVerified(user, context);
                break;
            default:
                await base.ValidateAsync(context);
                break;
        }
    }
}
