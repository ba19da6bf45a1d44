using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// When the database stays unreachable after EF Core's retries (a PostgreSQL restart or fail-over that takes
/// longer than the retry window), the visitor gets HTTP 503 with Retry-After and a plain "temporary problem,
/// try again" answer instead of an error page; the next request reconnects by itself once the server is back.
/// </summary>
internal static class TransientDatabaseErrors
{
    private const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseTransientDatabaseErrors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception error) when (IsTransient(error)
                && !context.Response.HasStarted
                && !context.RequestAborted.IsCancellationRequested)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TransientDatabaseErrors))
                    .LogWarning(error, "The database was temporarily unavailable for {Path}", context.Request.Path);
                await WriteAsync(context);
            }
        });

    public static bool IsTransient(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is RetryLimitExceededException or NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    private static async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        const string Title = "Temporary problem, please try again";
        var detail = "The portal could not reach its database for a moment. Nothing was lost that was confirmed as saved; please try "
            + $"again in {RetryAfterSeconds} seconds.";
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await response.WriteAsJsonAsync(
                new { type = "https://tools.ietf.org/html/rfc9110#section-15.6.4", title = Title, status = 503, detail });
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + Title
                + "</title></head>" +
                "<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem\">" +
                "<h1>"
                + Title
                + "</h1><p>"
                + detail
                + "</p><p><a href=\"javascript:location.reload()\">Try again</a> · <a href=\"/\">Home page</a></p></body></html>");
    }
}
