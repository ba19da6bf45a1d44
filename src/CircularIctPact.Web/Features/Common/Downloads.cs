using System.Security.Claims;
using CircularIctPact.Domain.Common;

namespace CircularIctPact.Web.Features.Common;

public static class Downloads
{
    /// <summary>Runs a download for the signed-in caller and answers 403 or 400 with the reason when it is refused.</summary>
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
            return Results.Problem(error.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (DomainException error)
        {
            return Results.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
