using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;

namespace CircularIctPact.Web.Hosting;

/// <summary>Per-visitor display preferences kept in a cookie, so they work on static pages too.</summary>
internal static class PortalPreferences
{
    public const string ThemeCookie = "cfit.theme";

    public static bool PrefersDarkMode(this HttpContext? context) =>
        context is not null && context.Request.Cookies[PortalCookies.Of(context).Name(ThemeCookie)] == "dark";

    public static void MapPortalPreferences(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/preferences/theme", (HttpContext context, [FromForm] string mode, [FromForm] string? returnUrl) =>
        {
            var cookies = PortalCookies.Of(context);
            context.Response.Cookies.Append(
                cookies.Name(ThemeCookie),
                mode == "dark" ? "dark" : "light",
                cookies.Options(context, SameSiteMode.Lax, TimeSpan.FromDays(365)));
            return TypedResults.LocalRedirect(LocalUrls.IsLocal(returnUrl) ? returnUrl! : "~/");
        });
}
