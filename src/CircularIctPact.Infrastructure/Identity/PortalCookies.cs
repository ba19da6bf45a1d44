using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>
/// The names and attributes of the portal's cookies. A portal whose public address is https (<c>Portal:PublicBaseUrl</c>)
/// names every cookie with the <c>__Host-</c> prefix and marks it <c>Secure</c> whatever Kestrel sees behind a proxy, so
/// that browsers accept it only over HTTPS, for this host alone and the whole path (decision record 0022). Over plain
/// http (development, the tests, a loopback installation) the names stay bare, because browsers refuse prefixed cookies
/// there, and a cookie is <c>Secure</c> when its request came over HTTPS.
/// </summary>
public sealed class PortalCookies(bool hostPrefixed)
{
    public const string HostPrefix = "__Host-";

    public const string CultureCookie = ".AspNetCore.Culture";

    public const string StatusMessageCookie = "Identity.StatusMessage";

    /// <summary>Whether cookie names carry <see cref="HostPrefix"/>.</summary>
    public bool HostPrefixed { get; } = hostPrefixed;

    /// <summary>The name the browser sees for the portal's cookie <paramref name="name"/>.</summary>
    public string Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return HostPrefixed && !name.StartsWith(HostPrefix, StringComparison.Ordinal) ? HostPrefix + name : name;
    }

    public static PortalCookies Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<PortalCookies>();
    }

    /// <summary>
    /// Applies the portal's rules to a framework cookie (sign-in, antiforgery, a provider's correlation): the prefix with its
    /// Secure and Path=/, or at least Secure over HTTPS. A cookie that is Secure always stays so.
    /// </summary>
    public void Apply(CookieBuilder cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        if (HostPrefixed)
        {
            cookie.Name = cookie.Name is null ? null : Name(cookie.Name);
            cookie.Path = "/";
            cookie.Domain = null;
            cookie.SecurePolicy = CookieSecurePolicy.Always;
        }
        else if (cookie.SecurePolicy == CookieSecurePolicy.None)
        {
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
    }

    /// <summary>Options for a cookie the portal writes itself: HttpOnly, for the whole portal, Secure as <see cref="Apply"/>.</summary>
    public CookieOptions Options(HttpContext context, SameSiteMode sameSite, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            Path = "/",
            SameSite = sameSite,
            MaxAge = maxAge,
            Secure = HostPrefixed || context.Request.IsHttps,
        };
    }
}
