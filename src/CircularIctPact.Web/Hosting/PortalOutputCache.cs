using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// Server-side output cache for the public criteria catalogue (<c>/criteria</c>) and the open-data API
/// (<c>/api/v1</c>): the same answer for everyone who is not signed in, kept per address and query, interface
/// culture and antiforgery cookie, and dropped when a criteria version is published. Signed-in requests and
/// requests carrying the sign-in cookie are never served from or stored in the cache, so no personalised page
/// is ever shared. <c>Performance:OutputCaching=false</c> switches the cache off (the benchmark measures both).
/// </summary>
internal static class PortalOutputCache
{
    public const string Setting = "Performance:OutputCaching";

    /// <summary>Tag of every cached criteria answer; evicted when the published criteria change.</summary>
    public const string CriteriaTag = "criteria";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddPortalOutputCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 256L * 1024 * 1024;
            options.AddBasePolicy(new PublicCriteriaPolicy());
        });

    public static IApplicationBuilder UsePortalOutputCache(this IApplicationBuilder app, IConfiguration configuration) =>
        configuration.GetValue(Setting, true) ? app.UseOutputCache() : app;

    private static bool IsCachedPath(PathString path) =>
        path.Equals("/criteria", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase);

    // A sign-in cookie that no longer authenticates may still be answered with a Set-Cookie that removes it.
    private static bool HasSignInCookie(HttpContext http)
    {
        var name = http.RequestServices
            .GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme)
            .Cookie.Name;
        return name is not null && http.Request.Cookies.Keys.Any(key => key.StartsWith(name, StringComparison.Ordinal));
    }

    private sealed class PublicCriteriaPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var request = http.Request;
            var eligible = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && IsCachedPath(request.Path)
                && http.User.Identity?.IsAuthenticated != true
                && !HasSignInCookie(http)
                && !request.Headers.ContainsKey("Authorization");
            context.EnableOutputCaching = eligible;
            context.AllowCacheLookup = eligible;
            context.AllowCacheStorage = eligible;
            context.AllowLocking = true;
            if (!eligible)
            {
                return ValueTask.CompletedTask;
            }

            context.ResponseExpirationTimeSpan = Lifetime;
            context.Tags.Add(CriteriaTag);
            context.CacheVaryByRules.QueryKeys = "*";
            // The language picks the texts, the formatting culture the dates and numbers (en pages use en-GB).
            context.CacheVaryByRules.VaryByValues["culture"] = $"{CultureInfo.CurrentUICulture.Name}|{CultureInfo.CurrentCulture.Name}";

            context.CacheVaryByRules.VaryByValues["theme"] = http.PrefersDarkMode() ? "dark" : "light";

            // Only pages fetched by enhanced navigation move the focus to their heading (see Routes.razor).
            context.CacheVaryByRules.VaryByValues["enhanced-nav"] = request.IsEnhancedNavigation() ? "on" : "off";

            // Anonymous pages carry antiforgery tokens (language and theme switches) bound to the antiforgery cookie;
            // a visitor who has one gets the variant rendered for it. Newcomers share one variant together with its
            // cookie: that cookie is SameSite=Strict, so another site still cannot post with it.
            var antiforgeryCookie = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
            context.CacheVaryByRules.VaryByValues["antiforgery"] =
                antiforgeryCookie is not null && request.Cookies.TryGetValue(antiforgeryCookie, out var token) ? token : string.Empty;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
