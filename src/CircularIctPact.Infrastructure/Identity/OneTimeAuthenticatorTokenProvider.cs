using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>
/// Authenticator-app codes (RFC 6238, 30-second steps), each accepted once per account: the account keeps the time step
/// of the last code it used, and a code of that step or an earlier one is refused. A code read over someone's shoulder
/// or taken from a captured request therefore cannot open a second session. One step of clock drift either way is
/// allowed, so a code stays usable for up to a minute and a half.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    private const string TokenStore = "[PortalAuthenticator]";
    private const string LastUsedStep = "LastUsedTimeStep";

    private static readonly VerificationWindow ClockDrift = new(previous: 1, future: 1);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>The code comes from the person's app, never from the portal.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, ClockDrift))
        {
            return false;
        }

        var lastUsed = await manager.GetAuthenticationTokenAsync(user, TokenStore, LastUsedStep);
        if (long.TryParse(lastUsed, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        // Saving checks the account's concurrency stamp: of two sign-ins racing with the same code, only the first is stored.
        var stored = await manager.SetAuthenticationTokenAsync(user, TokenStore, LastUsedStep, step.ToString(CultureInfo.InvariantCulture));
        return stored.Succeeded;
    }
}
