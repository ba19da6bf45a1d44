using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Components.Account;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Onboarding;
using CircularIctPact.Web.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Web.Features.Administrators;

/// <summary>The administrator the set-up address was made for.</summary>
public sealed record SetUpView(Guid UserId, string Email, string DisplayName);

/// <summary>
/// The second step of set-up: the key to enrol, and the token that lets the next form post finish the set-up
/// (it stands in for a sign-in, which waits until the authenticator is enrolled).
/// </summary>
public sealed record AuthenticatorEnrolment(Guid UserId, string Email, string EnrolmentToken, string FormattedKey, string AppUri);

/// <summary>The set-up is done: the account to sign in and its recovery codes, shown once.</summary>
public sealed record CompletedSetUp(ApplicationUser User, IReadOnlyList<string> RecoveryCodes);

/// <summary>The set-up address (or the enrolment form's token) has expired, has been used, or was never issued.</summary>
public sealed class SetUpAddressUnavailableException : Exception
{
    public SetUpAddressUnavailableException()
        : base("This set-up address does not work any more.")
    {
    }

    public SetUpAddressUnavailableException(string message)
        : base(message)
    {
    }

    public SetUpAddressUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// What the set-up page does for a new or reset secretariat administrator: check the address, set the chosen password,
/// enrol an authenticator app and switch two-factor on. Nobody is signed in before two-factor is on, so secretariat
/// rights (which count only with two-factor) are never held without it.
/// </summary>
public sealed class AdministratorSetup(
    PortalDbContext db,
    UserManager<ApplicationUser> users,
    AuditTrail audit)
{
    public const int RecoveryCodeCount = 10;

    public static readonly FormField PasswordField = new("Password");
    public static readonly FormField ConfirmPasswordField = new("ConfirmPassword");
    public static readonly FormField CodeField = new("Code");

    /// <summary>The administrator the address belongs to, or null when it has expired, has been used or is malformed.</summary>
    public async Task<SetUpView?> DescribeAsync(string? userId, string? token)
    {
        var user = await UserWithTokenAsync(userId, token, AdministratorSetupTokenProvider.ChoosePasswordPurpose);
        return user is null ? null : new SetUpView(user.Id, user.Email!, user.DisplayName);
    }

    /// <summary>Sets the first password and prepares a fresh authenticator key; the address stops working.</summary>
    /// <exception cref="FieldErrorsException">The password breaks the portal's rules or differs from its confirmation; all problems at
    /// once.</exception>
    /// <exception cref="SetUpAddressUnavailableException">The address has expired, has been used or is malformed.</exception>
    public async Task<AuthenticatorEnrolment> ChoosePasswordAsync(string? userId, string? token, string? password, string? confirmation)
    {
        var user = await UserWithTokenAsync(userId, token, AdministratorSetupTokenProvider.ChoosePasswordPurpose)
            ?? throw new SetUpAddressUnavailableException();
        var problems = await AccountChanges.PasswordProblemsAsync(users, user, password, PasswordField);

        if (!string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            problems.Add(new DomainException(ConfirmPasswordField, "The password and its confirmation do not match."));
        }

        if (problems.Count > 0)
        {
            throw new FieldErrorsException(problems);
        }

        var added = await users.AddPasswordAsync(user, password!);
        if (!added.Succeeded)
        {
            // Only an account that already has a password gets here: the address was used in another tab.
            throw new SetUpAddressUnavailableException();
        }

        await users.ResetAuthenticatorKeyAsync(user);
        return await EnrolmentForAsync(user);
    }

    /// <summary>The enrolment step again (after a wrong code), or null when its token no longer works.</summary>
    public async Task<AuthenticatorEnrolment?> DescribeEnrolmentAsync(string? userId, string? enrolmentToken)
    {
        var user = await UserWithTokenAsync(userId, enrolmentToken, AdministratorSetupTokenProvider.EnrolAuthenticatorPurpose);
        return user is null ? null : await EnrolmentForAsync(user, enrolmentToken!);
    }

    /// <summary>Checks the app's six-digit code, switches two-factor on and makes new recovery codes.</summary>
    /// <exception cref="FieldErrorsException">The code is missing or not the app's current code.</exception>
    /// <exception cref="SetUpAddressUnavailableException">The enrolment token has expired or has been used.</exception>
    public async Task<CompletedSetUp> EnrolAuthenticatorAsync(string? userId, string? enrolmentToken, string? code)
    {
        var user = await UserWithTokenAsync(userId, enrolmentToken, AdministratorSetupTokenProvider.EnrolAuthenticatorPurpose)
            ?? throw new SetUpAddressUnavailableException();
        var digits = (code ?? string.Empty)
            .Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            throw new FieldErrorsException([new DomainException(CodeField, "Enter the six-digit code your authenticator app shows.")]);
        }

        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            throw new FieldErrorsException([new DomainException(
                CodeField,
                "This code is not right. Check that the app's clock is correct and enter the code it shows now.")]);
        }

        var actor = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(PortalClaims.DisplayName, user.DisplayName)],
            "AdministratorSetup"));
        audit.Record(db, actor, "User", user.Id, null, "AdministratorSetUpCompleted",
            $"{user.DisplayName} <{user.Email}> chose a password and enrolled an authenticator app", null, new
            {
                user.Email,
                TwoFactorEnabled = true,
            });
        var enabled = await users.SetTwoFactorEnabledAsync(user, true);
        if (!enabled.Succeeded)
        {
            throw new InvalidOperationException(
                $"Switching two-factor on failed: {string.Join("; ", enabled.Errors.Select(e => e.Description))}");
        }

        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        return new CompletedSetUp(user, [.. recoveryCodes ?? []]);
    }

    private async Task<AuthenticatorEnrolment> EnrolmentForAsync(ApplicationUser user, string? enrolmentToken = null)
    {
        var key = await users.GetAuthenticatorKeyAsync(user)
            ?? throw new InvalidOperationException("The account has no authenticator key.");
        enrolmentToken ??= await users.GenerateUserTokenAsync(
            user,
            AdministratorSetupTokenProvider.ProviderName,
            AdministratorSetupTokenProvider.EnrolAuthenticatorPurpose);
        return new AuthenticatorEnrolment(user.Id, user.Email!, enrolmentToken, AuthenticatorKeys.Format(key), AuthenticatorKeys.AppUri(
            user.Email!,
            key));
    }

    private async Task<ApplicationUser?> UserWithTokenAsync(string? userId, string? token, string purpose)
    {
        if (!Guid.TryParse(userId, out var id) || string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || !await users.IsInRoleAsync(user, PortalRoles.SecretariatAdmin))
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(user, AdministratorSetupTokenProvider.ProviderName, purpose, token) ? user : null;
    }
}
