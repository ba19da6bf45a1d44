using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;

namespace CircularIctPact.Web.Hosting;

/// <summary>Per-visitor display preferences kept in a cookie, so they work on static pages too.</summary>
internal static class PortalPreferences
{
    public const string ThemeCookie = "cfit.theme";

    public static bool PrefersDarkMode(this HttpContext? context) =>
        context?.Request.Cookies[ThemeCookie] == "dark";

    public static void MapPortalPreferences(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/preferences/theme", (HttpContext context, [FromForm] string mode, [FromForm] string? returnUrl) =>
        {
            context.Response.Cookies.Append(ThemeCookie, mode == "dark" ? "dark" : "light", new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(365),
            });
            return TypedResults.LocalRedirect(LocalUrls.IsLocal(returnUrl) ? returnUrl! : "~/");
        });
}
