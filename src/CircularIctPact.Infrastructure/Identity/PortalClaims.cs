namespace CircularIctPact.Infrastructure.Identity;

/// <summary>Claims the portal adds to the signed-in principal.</summary>
public static class PortalClaims
{
    /// <summary>Present with value "true" when the account signs in with a second factor.</summary>
    public const string TwoFactorEnabled = "cfit:2fa";

    public const string DisplayName = "cfit:name";

    public const string MemberOrganisationId = "cfit:org";

    /// <summary>The account's <see cref="ApplicationUser.RightsStamp"/> when the claims were made.</summary>
    public const string RightsStamp = "cfit:rights";
}
