using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.RateLimiting;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// Limits how often one client address may hit the endpoints that attackers and scripts aim at:
/// sign-in and password reset, the public application form, invitation acceptance and the open-data
/// API. Over the limit the client gets HTTP 429 with Retry-After and a page that says when to retry.
/// </summary>
internal static class RequestRateLimits
{
    public const string Section = "RateLimits";

    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<RateLimitSettings>() ?? new RateLimitSettings();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var bucket = Bucket(context.Request);
                if (bucket is null)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var (permits, window) = bucket == "api"
                    ? (options.ApiPerMinute, TimeSpan.FromMinutes(1))
                    : (options.FormPostsPerMinute, TimeSpan.FromMinutes(1));
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{bucket}:{client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = window,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                if (rejected.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await response.WriteAsJsonAsync(
                        new
                        {
                            type = "https://tools.ietf.org/html/rfc6585#section-4",
                            title = "Too many requests",
                            status = 429,
                            detail = $"Try again in {seconds} seconds.",
                        },
                        cancellationToken);
                    return;
                }

                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(RejectedPage(seconds), cancellationToken);
            };
        });
    }

    /// <summary>The page a refused form post gets, in the language the request asked for (the cultures run before this).</summary>
    private static string RejectedPage(int seconds)
    {
        var culture = PortalCultures.CurrentTextCulture;
        string Text(string english, params object[] arguments) =>
            HtmlEncoder.Default.Encode(new OutgoingText(english, arguments).In(culture));
        return $"<!DOCTYPE html><html lang=\"{PortalCultures.Current}\"><head><meta charset=\"utf-8\">" +
            $"<title>{Text("Try again later")}</title></head>" +
            "<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem\">" +
            $"<h1>{Text("Too many attempts")}</h1>" +
            $"<p>{Text("To protect accounts, the portal limits how often this can be tried. Please try again in {0} seconds.",
                seconds)}</p>" +
            $"<p><a href=\"/\">{Text("Go to the home page")}</a></p></body></html>";
    }

    private static string? Bucket(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return "api";
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }

        string[] protectedForms = [
            "/Account/Login",
            "/Account/LoginWith2fa",
            "/Account/LoginWithRecoveryCode",
            "/Account/ForgotPassword",
            "/Account/ResetPassword",
            "/join",
            "/invitation/accept",
        ];
        return protectedForms.Any(path => request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)) ? "form" : null;
    }

    private sealed class RateLimitSettings
    {
        public int FormPostsPerMinute { get; set; } = 20;

        public int ApiPerMinute { get; set; } = 600;
    }
}
