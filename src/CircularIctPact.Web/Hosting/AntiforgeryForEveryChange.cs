using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// Every request that changes something (POST, PUT, PATCH, DELETE) must carry the antiforgery token of a portal page,
/// whether or not its endpoint reads a form: ASP.NET Core checks the token only for endpoints that bind a form, so an
/// endpoint such as "register for this event" or "download my data" would otherwise act on a request another site's page
/// sent with the person's cookie. An endpoint opts out only with <c>DisableAntiforgery()</c>; the Blazor circuit's own
/// endpoints are left to the circuit's protections (same-origin connection, its own tokens).
/// </summary>
internal static class AntiforgeryForEveryChange
{
    /// <summary>Goes before <c>UseAntiforgery</c> and after the status code pages, which show the refusal.</summary>
    public static IApplicationBuilder UseAntiforgeryForEveryChange(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                // The status code page explains a refusal; it is shown, not posted to.
                context.Request.Method = HttpMethods.Get;
            }
            else if (NeedsToken(context)
                && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            await next();
        });

    private static bool NeedsToken(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) && !HttpMethods.IsPut(context.Request.Method)
            && !HttpMethods.IsPatch(context.Request.Method) && !HttpMethods.IsDelete(context.Request.Method))
        {
            return false;
        }

        var endpoint = context.GetEndpoint();
        return endpoint is not null
            && endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: false }
            && endpoint.Metadata.GetMetadata<HubMetadata>() is null
            && endpoint.Metadata.GetMetadata<NegotiateMetadata>() is null
            && !IsCircuitEndpoint(endpoint);
    }

    // Blazor posts /_blazor/disconnect with navigator.sendBeacon when a tab closes; it names a circuit the caller owns.
    private static bool IsCircuitEndpoint(Endpoint endpoint) =>
        endpoint is RouteEndpoint { RoutePattern.RawText: { } pattern }
        && pattern.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal);
}
