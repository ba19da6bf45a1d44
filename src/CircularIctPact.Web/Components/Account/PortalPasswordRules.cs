namespace CircularIctPact.Web.Components.Account;

/// <summary>
/// The length a portal password must have: Identity's password options and the account forms' length checks both read
/// these, so a form never accepts a password that Identity then refuses for its length.
/// </summary>
public static class PortalPasswordRules
{
    public const int MinimumLength = 10;

    public const int MaximumLength = 100;
}
