using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Web.Components.Account;

/// <summary>
/// The length a portal password must have: Identity's password options and the account forms' length checks both read
/// these, so a form never accepts a password that Identity then refuses for its length. Beyond the length, a password must
/// not be common or contain the person's name (<c>PortalPasswordValidator</c>); there are no rules on which kinds of
/// character it holds (OWASP ASVS 5.0 6.2.5, decision record 0022).
/// </summary>
public static class PortalPasswordRules
{
    public const int MinimumLength = 10;

    public const int MaximumLength = 100;

    public static void Configure(PasswordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RequiredLength = MinimumLength;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
    }
}
