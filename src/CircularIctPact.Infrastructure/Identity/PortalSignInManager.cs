using System.Security.Claims;
using CircularIctPact.Domain.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>Records when each person last signed in, whatever the route (password, two-factor, passkey).</summary>
public sealed class PortalSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IOptions<TwoFactorRememberOptions> rememberOptions,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(
        ApplicationUser user,
        AuthenticationProperties? authenticationProperties,
        IEnumerable<Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        user.LastSignInAt = clock.GetUtcNow();
        await UserManager.UpdateAsync(user);
        if (user.PreferredCulture is { Length: > 0 } culture && Context is { } context)
        {
            // The account's language wins over the browser's from the first page after sign-in.
            CultureCookie.Write(context.Response, culture);
        }
    }

    /// <summary>
    /// Secretariat administrators give the second factor at every sign-in: they can change every buyer group, signatory
    /// and account, so a browser remembered for weeks would make a stolen password enough. Others may have the browser
    /// remembered for <see cref="TwoFactorRememberOptions.RememberBrowserDays"/> days.
    /// </summary>
    public async Task<bool> MayRememberBrowserAsync(ApplicationUser user) =>
        rememberOptions.Value.RememberBrowserDays > 0 && !await UserManager.IsInRoleAsync(user, PortalRoles.SecretariatAdmin);

    /// <summary>Every code step (authenticator, recovery code) remembers the browser through here, with the user it found.</summary>
    public override async Task RememberTwoFactorClientAsync(ApplicationUser user)
    {
        if (await MayRememberBrowserAsync(user))
        {
            await base.RememberTwoFactorClientAsync(user);
        }
    }

    /// <summary>A browser remembered before the account became a secretariat administrator no longer skips the code.</summary>
    public override async Task<bool> IsTwoFactorClientRememberedAsync(ApplicationUser user) =>
        await MayRememberBrowserAsync(user) && await base.IsTwoFactorClientRememberedAsync(user);

    /// <summary>
    /// An address without an account costs the same password hashing as a wrong password for an account, so the time of the
    /// answer does not tell whether the account exists.
    /// </summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            VerifyAgainstUnmatchableHash(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>
    /// Every account costs one password verification: one without a password is verified against a hash nobody can match,
    /// and one that may not sign in (unconfirmed, locked) is verified before it is refused, and answers like a wrong
    /// password unless the password is right.
    /// </summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await UserManager.HasPasswordAsync(user))
        {
            VerifyAgainstUnmatchableHash(password);
            return SignInResult.Failed;
        }

        if (await PreSignInCheck(user) is { } refusal)
        {
            return await UserManager.CheckPasswordAsync(user, password) ? refusal : SignInResult.Failed;
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    /// <summary>
    /// Signs in an account an organisation's provider vouched for by its address, before the provider login is linked to
    /// it: the checks of <see cref="SignInManager{TUser}.ExternalLoginSignInAsync(string, string, bool, bool)"/>, and the
    /// portal's code step unless <paramref name="bypassTwoFactor"/>. The provider's sign-in stays in its cookie for the
    /// link, which is made only once this sign-in (with its code step) has succeeded.
    /// </summary>
    public async Task<SignInResult> SignInByVerifiedAddressAsync(ApplicationUser user, bool bypassTwoFactor)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await PreSignInCheck(user) ?? await SignInOrTwoFactorAsync(user, isPersistent: false, loginProvider: null, bypassTwoFactor);
    }

    private void VerifyAgainstUnmatchableHash(string password) =>
        _ = UserManager.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), PortalPasswordHashing.UnmatchableHash, password);
}
