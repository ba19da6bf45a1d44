using System.Security.Claims;
using CircularIctPact.Domain.Common;

namespace CircularIctPact.Web.Features.Common;

/// <summary>The one way the portal hands a file to the browser from an endpoint.</summary>
public static class Downloads
{
    /// <summary>Runs a download for the signed-in caller and answers 403, 404 or 400 with the reason when it is refused.</summary>
    public static async Task<IResult> RunAsync(HttpContext http, Func<ClaimsPrincipal, Task<IResult>> produce)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(produce);
        try
        {
            return await produce(http.User);
        }
        catch (ForbiddenException error)
        {
            return Results.Problem(DomainMessageText.Of(error), statusCode: StatusCodes.Status403Forbidden);
        }
        catch (NotFoundException error)
        {
            return Results.Problem(DomainMessageText.Of(error), statusCode: StatusCodes.Status404NotFound);
        }
        catch (DomainException error)
        {
            return Results.Problem(DomainMessageText.Of(error), statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
