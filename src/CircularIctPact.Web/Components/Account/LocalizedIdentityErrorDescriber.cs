using CircularIctPact.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.Web.Components.Account;

/// <summary>
/// Identity's own errors (password rules, taken e-mail addresses, invalid tokens, …) and those of the portal's own password
/// rules in the request's interface language, from the shared resources. Each error keeps Identity's
/// <see cref="IdentityError.Code"/>, which code reads; only the description a person sees changes.
/// </summary>
internal sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> texts) : PortalIdentityErrorDescriber
{
    public override IdentityError DefaultError() => Described(base.DefaultError(), "An unknown failure has occurred.");

    public override IdentityError ConcurrencyFailure() =>
        Described(base.ConcurrencyFailure(), "Someone else changed this account in the meantime. Reload the page and try again.");

    public override IdentityError PasswordMismatch() => Described(base.PasswordMismatch(), "Incorrect password.");

    public override IdentityError InvalidToken() =>
        Described(base.InvalidToken(), "This link or code is not valid or has expired. Ask for a new one.");

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Described(base.RecoveryCodeRedemptionFailed(), "The recovery code was not accepted.");

    public override IdentityError LoginAlreadyAssociated() =>
        Described(base.LoginAlreadyAssociated(), "Another account already uses this sign-in.");

    public override IdentityError InvalidUserName(string? userName) =>
        Described(base.InvalidUserName(userName), "'{0}' cannot be used as a user name.", userName ?? string.Empty);

    public override IdentityError InvalidEmail(string? email) =>
        Described(base.InvalidEmail(email), "'{0}' is not a valid e-mail address.", email ?? string.Empty);

    public override IdentityError DuplicateUserName(string userName) =>
        Described(base.DuplicateUserName(userName), "The user name '{0}' is already taken.", userName);

    public override IdentityError DuplicateEmail(string email) =>
        Described(base.DuplicateEmail(email), "The e-mail address '{0}' is already in use.", email);

    public override IdentityError InvalidRoleName(string? role) =>
        Described(base.InvalidRoleName(role), "'{0}' is not a valid role name.", role ?? string.Empty);

    public override IdentityError DuplicateRoleName(string role) =>
        Described(base.DuplicateRoleName(role), "The role '{0}' already exists.", role);

    public override IdentityError UserAlreadyHasPassword() =>
        Described(base.UserAlreadyHasPassword(), "This account already has a password.");

    public override IdentityError UserLockoutNotEnabled() =>
        Described(base.UserLockoutNotEnabled(), "Lockout is not enabled for this account.");

    public override IdentityError UserAlreadyInRole(string role) =>
        Described(base.UserAlreadyInRole(role), "The account already has the role '{0}'.", role);

    public override IdentityError UserNotInRole(string role) =>
        Described(base.UserNotInRole(role), "The account does not have the role '{0}'.", role);

    public override IdentityError PasswordTooShort(int length) =>
        Described(base.PasswordTooShort(length), "Passwords must be at least {0} characters.", length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Described(base.PasswordRequiresUniqueChars(uniqueChars), "Passwords must use at least {0} different characters.", uniqueChars);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Described(base.PasswordRequiresNonAlphanumeric(), "Passwords must have at least one non alphanumeric character.");

    public override IdentityError PasswordRequiresDigit() =>
        Described(base.PasswordRequiresDigit(), "Passwords must have at least one digit ('0'-'9').");

    public override IdentityError PasswordRequiresLower() =>
        Described(base.PasswordRequiresLower(), "Passwords must have at least one lowercase ('a'-'z').");

    public override IdentityError PasswordRequiresUpper() =>
        Described(base.PasswordRequiresUpper(), "Passwords must have at least one uppercase ('A'-'Z').");

    public override IdentityError PasswordTooCommon() =>
        Described(base.PasswordTooCommon(), "This password is one of the most commonly used ones. Choose a less predictable password.");

    public override IdentityError PasswordContainsEmailName() =>
        Described(base.PasswordContainsEmailName(), "Passwords must not contain the name in your e-mail address.");

    public override IdentityError PasswordContainsName() =>
        Described(base.PasswordContainsName(), "Passwords must not contain your name.");

    private IdentityError Described(IdentityError error, string text, params object[] values) =>
        new() { Code = error.Code, Description = texts[text, values] };
}
