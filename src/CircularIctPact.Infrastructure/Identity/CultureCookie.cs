using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>The cookie that carries a person's interface language, written by the switch and at sign-in.</summary>
public static class CultureCookie
{
    public static void Write(HttpResponse response, string culture)
    {
        ArgumentNullException.ThrowIfNull(response);
        var cookies = PortalCookies.Of(response.HttpContext);
        response.Cookies.Append(
            cookies.Name(PortalCookies.CultureCookie),
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            cookies.Options(response.HttpContext, SameSiteMode.Lax, TimeSpan.FromDays(365)));
    }
}
