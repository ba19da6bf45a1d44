using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// Outside Development an unexpected error is logged once, with a reference id, and the person sees only that reference:
/// the friendly <c>/Error</c> page in their language, or under <c>/api</c> a problem document. Nothing about the error
/// itself (message, type, stack trace, file paths) leaves the server; the secretariat finds it in the log by the reference.
/// </summary>
internal static class UnexpectedErrors
{
    public const string ErrorPagePath = "/Error";

    public static IServiceCollection AddUnexpectedErrorHandling(this IServiceCollection services) =>
        services.AddExceptionHandler<UnexpectedErrorHandler>();

    /// <summary>Development keeps the developer exception page, which shows the error to the developer.</summary>
    public static WebApplication UseUnexpectedErrorHandling(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = ErrorPagePath,
                CreateScopeForErrors = true,
                // UnexpectedErrorHandler writes the one log entry, with the reference; the middleware's own entry would lack it.
                SuppressDiagnosticsCallback = _ => true,
            });
        }

        return app;
    }

    /// <summary>
    /// The request's W3C trace id (the <c>@tr</c> of every log entry the request wrote, and what a tracing system shows), or
    /// the server's request id when no trace is running. The error page shows the same value, since it is rendered within
    /// the failed request.
    /// </summary>
    public static string ReferenceOf(HttpContext context) =>
        Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : context.TraceIdentifier;

    /// <summary>The address that failed; the middleware has already pointed the request at the error page.</summary>
    public static PathString FailedPath(HttpContext context) =>
        context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } path ? new PathString(path) : context.Request.Path;
}

/// <summary>Logs the error with its reference; answers API requests itself and leaves pages to the <c>/Error</c> page.</summary>
internal sealed partial class UnexpectedErrorHandler(ILogger<UnexpectedErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var reference = UnexpectedErrors.ReferenceOf(httpContext);
        var path = UnexpectedErrors.FailedPath(httpContext);
        LogUnexpectedError(exception, reference, httpContext.Request.Method, path);
        if (!path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status500InternalServerError;
        response.Headers.CacheControl = "no-store";
        await response.WriteAsJsonAsync(
            new UnexpectedErrorProblem(
                "https://tools.ietf.org/html/rfc9110#section-15.6.1",
                "An unexpected error occurred. Quote the reference when you report it.",
                StatusCodes.Status500InternalServerError,
                reference),
            options: null,
            contentType: "application/problem+json",
            cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error {ErrorReference} on {Method} {Path}")]
    private partial void LogUnexpectedError(Exception exception, string errorReference, string method, PathString path);
}

/// <summary>The problem document of an unexpected API error: what happened in general, and the reference.</summary>
internal sealed record UnexpectedErrorProblem(string Type, string Title, int Status, string Reference);
