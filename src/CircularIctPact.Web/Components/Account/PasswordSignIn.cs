using CircularIctPact.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Web.Components.Account;

/// <summary>
/// The sign-in form's password step with guessing held back (decision record 0021): a client that keeps failing with an
/// address is refused for a growing time, and so is every client without a recent success once failures with that address
/// pile up from many. Known and unknown addresses go through the same steps, hashing and database work included, and get
/// the same answers; Identity's account lockout is left to the code step, which only someone with the password reaches.
/// </summary>
internal sealed class PasswordSignIn(
    PortalSignInManager signInManager,
    SignInThrottling throttling,
    SignInThrottleMail mail,
    ILogger<PasswordSignIn> logger)
{
    public async Task<SignInResult> SignInAsync(string email, string password, bool isPersistent, CancellationToken cancellationToken)
    {
        var address = signInManager.UserManager.NormalizeName(email.Trim());
        var client = signInManager.Context.Connection.RemoteIpAddress;
        if (await throttling.RefusedUntilAsync(address, client, cancellationToken) is { } refusedUntil)
        {
            logger.LogWarning("Password sign-in refused: this address is throttled for this client until {RetryAt}", refusedUntil);
            return new ThrottledSignInResult(refusedUntil);
        }

        var result = await signInManager.PasswordSignInAsync(email, password, isPersistent, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttling.CountSuccessAsync(address, client, cancellationToken);
            return result;
        }

        var counted = await throttling.CountFailureAsync(address, client, cancellationToken);
        if (counted.NotifyOwner is { } scope)
        {
            // Looked up for unknown addresses too, so that a throttle's start costs the same either way; mailed later.
            var owner = await signInManager.UserManager.FindByNameAsync(email);
            if (owner is { EmailConfirmed: true } && !await signInManager.UserManager.IsLockedOutAsync(owner))
            {
                mail.Queue(owner, scope, client);
            }
        }

        return counted.RefusedUntil is { } until ? new ThrottledSignInResult(until) : result;
    }
}

/// <summary>
/// A password sign-in refused without checking the password, because of too many failures; try again at <see cref="RetryAt"/>.
/// </summary>
internal sealed class ThrottledSignInResult : SignInResult
{
    public ThrottledSignInResult(DateTimeOffset retryAt)
    {
        IsLockedOut = true;
        RetryAt = retryAt;
    }

    public DateTimeOffset RetryAt { get; }
}
