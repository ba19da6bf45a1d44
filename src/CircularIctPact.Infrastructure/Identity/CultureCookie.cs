using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace CircularIctPact.Infrastructure.Identity;

/// <summary>The cookie that carries a person's interface language, written by the switch and at sign-in.</summary>
public static class CultureCookie
{
    public static void Write(HttpResponse response, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, MaxAge = TimeSpan.FromDays(365) });
}
