using CircularIctPact.Infrastructure.Persistence.Diagnostics;
using Serilog;

namespace CircularIctPact.Web.Hosting;

/// <summary>
/// With <c>Diagnostics:CountSqlQueries</c> on (benchmark and tests only), every response says how many SQL
/// commands it took in an <c>X-Sql-Queries</c> header (commands sent before the response started) and the
/// request log line carries the final count.
/// </summary>
internal static class SqlQueryCounting
{
    public const string Setting = "Diagnostics:CountSqlQueries";
    public const string HeaderName = "X-Sql-Queries";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(Setting);

    /// <summary>Adds the counting interceptor to the portal's DbContext options when the setting is on.</summary>
    public static Microsoft.EntityFrameworkCore.DbContextOptionsBuilder AddSqlQueryCounting(
        this Microsoft.EntityFrameworkCore.DbContextOptionsBuilder options,
        IConfiguration configuration) =>
        IsEnabled(configuration) ? options.AddInterceptors(new SqlCommandCounter()) : options;

    public static IApplicationBuilder UseSqlQueryCounting(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            using var tally = SqlCommandCounter.Begin();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = tally.Commands.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next(context);
            context.RequestServices.GetService<IDiagnosticContext>()?.Set("SqlQueries", tally.Commands);
        });
    }
}
