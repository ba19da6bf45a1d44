using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// Downloads of a criteria set version for the secretariat. The policy is the outer layer; <see cref="CriteriaExchange"/>
/// checks the caller again, and <see cref="Downloads"/> answers a refusal with 403 and a missing version with 404.
/// </summary>
public static class CriteriaExchangeEndpoints
{
    public static IEndpointRouteBuilder MapCriteriaExchange(this IEndpointRouteBuilder endpoints)
    {
        var sets = endpoints.MapGroup("/admin/criteria/sets/{id:guid}")
            .RequireAuthorization(PortalPolicies.Secretariat)
            .ExcludeFromDescription();
        sets.MapGet("/export.json", (Guid id, HttpContext http, CriteriaExchange exchange) =>
            Downloads.RunAsync(http, async user => File(await exchange.ExportJsonAsync(id, user, http.RequestAborted))));
        sets.MapGet("/export.xlsx", (Guid id, HttpContext http, CriteriaExchange exchange) =>
            Downloads.RunAsync(http, async user => File(await exchange.ExportWorkbookAsync(id, user, http.RequestAborted))));
        return endpoints;
    }

    private static IResult File(CriteriaExport file) => Results.File(file.Content, file.ContentType, file.FileName);
}
