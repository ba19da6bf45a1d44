using System.Globalization;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// The interface languages. A visitor's choice is kept in a cookie, a signed-in person's also on their
/// account; a first visit follows the browser's Accept-Language, and <c>?culture=nl</c> switches directly.
/// English pages format dates and numbers the British way (27/11/2026, 27 November 2026), the way Europeans
/// read them, while the interface language itself stays "en" everywhere it is named.
/// </summary>
internal static class PortalCultures
{
    public static readonly string[] Supported = ["en", "nl", "fr", "de"];

    /// <summary>
    /// The formatting culture per interface language. A request that asks for "en" (cookie, query, a browser's
    /// en-US) finds no supported formatting culture and gets the default, en-GB, with the interface language "en".
    /// </summary>
    private static readonly string[] FormattingCultures = ["en-GB", "nl", "fr", "de"];

    public static IReadOnlyDictionary<string, string> NativeNames { get; } = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["nl"] = "Nederlands",
        ["fr"] = "Français",
        ["de"] = "Deutsch",
    };

    public static IApplicationBuilder UsePortalCultures(this IApplicationBuilder app) =>
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(culture: "en-GB", uiCulture: "en");
            options.AddSupportedCultures(FormattingCultures).AddSupportedUICultures(Supported);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider
                {
                    CookieName = app.ApplicationServices.GetRequiredService<PortalCookies>().Name(PortalCookies.CultureCookie),
                },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        }).Use(async (context, next) =>
        {
            // ?culture= changes the language from then on, so the interactive circuit that follows the
            // page (it connects without the query string) speaks the same language.
            if (context.Request.Query["culture"] is [{ } culture] && IsSupported(culture))
            {
                CultureCookie.Write(context.Response, culture.ToLowerInvariant());
            }

            await next();
        });

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>
    /// The culture a mail or file is written in for someone whose language is <paramref name="language"/> (an account's
    /// saved choice, or the interface language of a request): its texts come from that language's resources and its dates
    /// and numbers follow it, English the British way. No language, or one the portal does not speak, gives English.
    /// </summary>
    public static CultureInfo TextCulture(string? language) =>
        IsSupported(language) && !string.Equals(language, "en", StringComparison.OrdinalIgnoreCase)
            ? CultureInfo.GetCultureInfo(language!.ToLowerInvariant())
            : CultureInfo.GetCultureInfo(FormattingCultures[0]);

    /// <summary>The <see cref="TextCulture"/> of the language the current request or circuit speaks.</summary>
    public static CultureInfo CurrentTextCulture => TextCulture(Current);

    public static void MapPortalCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(
            "/preferences/culture",
            async (HttpContext context, UserManager<ApplicationUser> users, [FromForm] string culture, [FromForm] string? returnUrl) =>
            {
                if (!IsSupported(culture))
                {
                    return Results.Problem(
                        $"'{culture}' is not one of the portal's languages (en, nl, fr, de).",
                        statusCode: StatusCodes.Status400BadRequest);
                }

                culture = culture.ToLowerInvariant();
                CultureCookie.Write(context.Response, culture);
                if (context.User.UserId() is { } userId && await users.FindByIdAsync(userId.ToString()) is { } user)
                {
                    user.PreferredCulture = culture;
                    await users.UpdateAsync(user);
                }

                return Results.LocalRedirect(LocalUrls.IsLocal(returnUrl) ? returnUrl! : "~/");
            });
}
