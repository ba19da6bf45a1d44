using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CircularIctPact.Web.Features.SingleSignOn;

/// <summary>A provider login to link once the sign-in that found the account by its address has succeeded, and where to go then.</summary>
public sealed record PendingLink(string Scheme, string ProviderKey, string? ReturnUrl);

/// <summary>
/// Tokens in the portal's single sign-on addresses, protected with the portal's Data Protection keys, bound to one
/// account and expiring after <see cref="Lifetime"/>. One starts linking a provider from the account page: that is a
/// plain link (see <see cref="Hosting.SingleSignOn.MapSingleSignOnEndpoints"/>), so without it another site could make
/// a signed-in person's browser link a provider identity of the other site's choosing. The other carries a
/// <see cref="PendingLink"/> through the authenticator-code step, after which the provider's own cookie is gone.
/// </summary>
public sealed class SingleSignOnLinkTokens(IDataProtectionProvider dataProtection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector("SingleSignOn.Link")
        .ToTimeLimitedDataProtector();
    private readonly ITimeLimitedDataProtector _pending = dataProtection.CreateProtector("SingleSignOn.PendingLink")
        .ToTimeLimitedDataProtector();

    public string IssuePendingLink(string userId, PendingLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return _pending.Protect(string.Join('\n', userId, link.Scheme, link.ProviderKey, link.ReturnUrl ?? string.Empty), Lifetime);
    }

    /// <summary>
    /// The pending link in <paramref name="token"/> when it was issued for this account and has not expired; otherwise null.
    /// </summary>
    public PendingLink? ReadPendingLink(string? token, string userId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = _pending.Unprotect(token).Split('\n', 4);
            return parts.Length == 4 && string.Equals(parts[0], userId, StringComparison.Ordinal)
                ? new PendingLink(parts[1], parts[2], parts[3].Length == 0 ? null : parts[3])
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public string Issue(string userId, string scheme) => _protector.Protect(Payload(userId, scheme), Lifetime);

    /// <summary>True when <paramref name="token"/> was issued for this account and provider and has not expired.</summary>
    public bool IsValid(string? token, string userId, string scheme)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            return string.Equals(_protector.Unprotect(token), Payload(userId, scheme), StringComparison.Ordinal);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string Payload(string userId, string scheme) => $"{userId}\n{scheme}";
}
