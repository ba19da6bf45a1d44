using System.Security.Claims;

namespace CircularIctPact.Web.Features.SingleSignOn;

/// <summary>
/// An organisation's OpenID Connect provider as the portal trusts it: its authentication scheme (also the
/// login provider name stored with each linked account), the name on its button, which <c>amr</c> or
/// <c>acr</c> values count as a multi-factor sign-in, and whether its <c>email</c> claim is taken as
/// verified without an <c>email_verified</c> claim; and, when <see cref="AllowedEmailDomains"/> is not empty, the only
/// address domains by which it may link an account or accept an invitation.
/// </summary>
public sealed record SingleSignOnProvider(
    string Key,
    string DisplayName,
    IReadOnlySet<string> MultiFactorClaimValues,
    bool TreatEmailAsVerified)
{
    /// <summary>
    /// Domains (case-insensitive, exact: a subdomain is listed on its own) of the addresses the provider may vouch for; empty for any.
    /// </summary>
    public IReadOnlySet<string> AllowedEmailDomains { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public const string SchemePrefix = "oidc-";

    public string Scheme => SchemePrefix + Key;

    public string CallbackPath => "/signin-" + Scheme;

    /// <summary>True when the sign-in's <c>amr</c> or <c>acr</c> claims hold one of the values configured as multi-factor.</summary>
    public bool AssertsMultiFactor(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Claims.Any(claim => claim.Type is "amr" or "acr" && MultiFactorClaimValues.Contains(claim.Value));
    }

    /// <summary>The e-mail address the provider vouches for, or null when it sent none or did not say it verified it.</summary>
    public string? VerifiedEmail(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var email = principal.FindFirstValue("email");
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var verified = TreatEmailAsVerified
            || string.Equals(principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        return verified ? email.Trim() : null;
    }

    /// <summary>
    /// True when the provider may vouch for <paramref name="email"/>: no domains are listed, or its domain is one of them.
    /// </summary>
    public bool MayVouchFor(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        return AllowedEmailDomains.Count == 0 || (at > 0 && AllowedEmailDomains.Contains(email[(at + 1)..]));
    }
}

/// <summary>The configured providers, in the order of the settings.</summary>
public sealed class SingleSignOnProviders(IReadOnlyList<SingleSignOnProvider> providers)
{
    public IReadOnlyList<SingleSignOnProvider> All { get; } = providers;

    public SingleSignOnProvider? ByScheme(string? scheme) =>
        All.FirstOrDefault(provider => string.Equals(provider.Scheme, scheme, StringComparison.Ordinal));
}
