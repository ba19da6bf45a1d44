using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Tenders;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>Registers and maps tender reporting, its exports and the collective tender calendar.</summary>
public static class TendersFeature
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IServiceCollection AddTendersFeature(this IServiceCollection services)
    {
        services.AddSingleton<TenderSaves>();
        services.AddScoped<TenderAccess>();
        services.AddScoped<TenderDirectory>();
        services.AddScoped<TenderEditor>();
        services.AddScoped<TenderExport>();
        services.AddScoped<TenderCalendar>();
        services.AddScoped<TenderDemoData>();
        return services;
    }

    /// <summary>The list's downloads; the policy is the outer layer, the directory checks the scope again (403 when refused).</summary>
    public static IEndpointRouteBuilder MapTenderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tenders = endpoints.MapGroup("/tenders").RequireAuthorization(PortalPolicies.ProcurerCoordinatorOrSecretariat);
        tenders.MapGet("/export.csv", (HttpContext http, TenderExport export, CancellationToken cancellationToken) =>
            Download(http, async user => Results.File(await export.CsvAsync(user, ReadQuery(http.Request.Query), cancellationToken), CsvType, "tenders.csv")));
        tenders.MapGet("/export.xlsx", (HttpContext http, TenderExport export, CancellationToken cancellationToken) =>
            Download(http, async user => Results.File(await export.XlsxAsync(user, ReadQuery(http.Request.Query), cancellationToken), XlsxType, "tenders.xlsx")));
        return endpoints;
    }

    /// <summary>Reads the list filters from <c>?group=…&amp;status=Planned&amp;productGroup=…&amp;year=2027</c>.</summary>
    public static TenderQuery ReadQuery(IQueryCollection query) => new(
        Guid.TryParse(query["group"], out var group) ? group : null,
        Enum.TryParse<TenderStatus>(query["status"], ignoreCase: true, out var status) ? status : null,
        Guid.TryParse(query["productGroup"], out var productGroup) ? productGroup : null,
        int.TryParse(query["year"], System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null);

    public static string ToQueryString(TenderQuery query)
    {
        var parts = new List<string>();
        if (query.BuyerGroupId is { } group)
        {
            parts.Add($"group={group}");
        }

        if (query.Status is { } status)
        {
            parts.Add($"status={status}");
        }

        if (query.ProductGroupId is { } productGroup)
        {
            parts.Add($"productGroup={productGroup}");
        }

        if (query.Year is { } year)
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"year={year}"));
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    /// <summary>Runs a download for the signed-in caller and answers 403 or 400 with the reason when it is refused.</summary>
    public static async Task<IResult> Download(HttpContext http, Func<ClaimsPrincipal, Task<IResult>> produce)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(produce);
        try
        {
            return await produce(http.User);
        }
        catch (ForbiddenException error)
        {
            return Results.Problem(error.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (DomainException error)
        {
            return Results.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
