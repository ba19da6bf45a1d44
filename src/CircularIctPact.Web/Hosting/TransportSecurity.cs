using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// What the portal promises about the connection (OWASP ASVS 5.0 3.3 and 3.4, 13.4.6): no <c>Server</c> header naming
/// Kestrel; outside Development <c>Strict-Transport-Security</c> for a year with subdomains on every HTTPS response (browsers
/// ignore it over http, and loopback host names are left out, as ASP.NET Core does by default); every cookie HttpOnly where
/// no script reads it (none does), with SameSite, Secure over HTTPS, and named <c>__Host-</c> when the public address is
/// https (<see cref="PortalCookies"/>, decision record 0022).
/// </summary>
internal static class TransportSecurity
{
    public static readonly TimeSpan StrictTransportSecurityMaxAge = TimeSpan.FromDays(365);

    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = StrictTransportSecurityMaxAge;
            hsts.IncludeSubDomains = true;
        });

        var cookies = new PortalCookies(ServedOverHttps(new PortalAddress(builder.Configuration)));
        builder.Services.AddSingleton(cookies);
        builder.Services.PostConfigureAll<CookieAuthenticationOptions>(options => cookies.Apply(options.Cookie));
        builder.Services.PostConfigure<AntiforgeryOptions>(options => cookies.Apply(options.Cookie));
        builder.Services.PostConfigureAll<OpenIdConnectOptions>(options =>
        {
            cookies.Apply(options.CorrelationCookie);
            cookies.Apply(options.NonceCookie);
        });
        return builder;
    }

    public static IApplicationBuilder UseTransportSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }

    private static bool ServedOverHttps(PortalAddress address) =>
        Uri.TryCreate(address.Configured, UriKind.Absolute, out var configured) && configured.Scheme == Uri.UriSchemeHttps;
}
