using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// Downloads of a criteria set version for the secretariat. The policy is the outer layer; <see cref="CriteriaExchange"/>
/// checks the caller again, and a refusal answers 403.
/// </summary>
public static class CriteriaExchangeEndpoints
{
    public static IEndpointRouteBuilder MapCriteriaExchange(this IEndpointRouteBuilder endpoints)
    {
        var sets = endpoints.MapGroup("/admin/criteria/sets/{id:guid}").RequireAuthorization(PortalPolicies.Secretariat).ExcludeFromDescription();
        sets.MapGet("/export.json", (Guid id, HttpContext http, CriteriaExchange exchange) =>
            DownloadAsync(() => exchange.ExportJsonAsync(id, http.User, http.RequestAborted)));
        sets.MapGet("/export.xlsx", (Guid id, HttpContext http, CriteriaExchange exchange) =>
            DownloadAsync(() => exchange.ExportWorkbookAsync(id, http.User, http.RequestAborted)));
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(Func<Task<CriteriaExport>> export)
    {
        try
        {
            var file = await export();
            return Results.File(file.Content, file.ContentType, file.FileName);
        }
        catch (ForbiddenException error)
        {
            return Results.Problem(error.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (NotFoundException error)
        {
            return Results.Problem(error.Message, statusCode: StatusCodes.Status404NotFound);
        }
    }
}
