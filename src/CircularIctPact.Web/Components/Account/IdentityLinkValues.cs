using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CircularIctPact.Web.Components.Account;

/// <summary>
/// Reads the account id and code that confirmation and reset links carry. A link that was cut off or altered is an
/// invalid link for the person, not a server error, so these never throw.
/// </summary>
internal static class IdentityLinkValues
{
    public static bool TryDecodeCode(string? code, out string decoded)
    {
        decoded = string.Empty;
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        try
        {
            decoded = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Account ids are GUIDs; anything else names no account.</summary>
    public static bool IsAccountId(string? userId) => Guid.TryParse(userId, out _);
}
