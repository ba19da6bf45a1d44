using System.Globalization;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Consultations;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.Consultations;

public static class ConsultationsFeature
{
    /// <summary>The time zone of the pact secretariat; consultation end dates are the end of a day there.</summary>
    public const string SecretariatTimeZone = "Europe/Brussels";

    public static IServiceCollection AddConsultationsFeature(this IServiceCollection services)
    {
        services.AddScoped<CriteriaConsultations>();
        services.AddScoped<ConsultationDemoData>();
        return services;
    }

    /// <summary>Closing a consultation early and the secretariat's CSV export.</summary>
    public static IEndpointRouteBuilder MapConsultationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/consultations").ExcludeFromDescription();
        group.MapPost("/{id:guid}/close", (Guid id, HttpContext http, IFormCollection form, CriteriaConsultations service) =>
            FormAsync(http, $"~/consultations/{id}", async () =>
            {
                await service.CloseEarlyAsync(id, RowVersion(form), http.User, http.RequestAborted);
                return $"~/consultations/{id}?done=closed";
            })).RequireAuthorization(PortalPolicies.Secretariat);
        group.MapGet("/{id:guid}/comments.csv", async (Guid id, HttpContext http, CriteriaConsultations service) =>
        {
            try
            {
                return Results.File(await service.ExportCsvAsync(id, http.User, http.RequestAborted), "text/csv; charset=utf-8", $"consultation-{id}.csv");
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization(PortalPolicies.Secretariat);
        return endpoints;
    }

    /// <summary>A moment shown in the secretariat's time zone.</summary>
    public static DateTimeOffset InSecretariatTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(SecretariatTimeZone));

    /// <summary>The end of <paramref name="day"/> (yyyy-MM-dd, as a date input gives it) in the secretariat's time zone.</summary>
    internal static DateTimeOffset EndOfDay(string? day, string field)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new DomainException("Give the end date.", field);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(SecretariatTimeZone);
        var local = date.ToDateTime(new TimeOnly(23, 59, 59));
        // PostgreSQL stores timestamptz from UTC values only; Npgsql refuses any other offset.
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static uint RowVersion(IFormCollection form) =>
        uint.TryParse(form["rowVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;

    private static async Task<IResult> FormAsync(HttpContext http, string back, Func<Task<string>> action)
    {
        try
        {
            return Results.LocalRedirect(await action());
        }
        catch (DomainException error)
        {
            return Results.LocalRedirect($"{back}?error={Uri.EscapeDataString(error.Message)}");
        }
        catch (ConcurrencyConflictException)
        {
            return Results.LocalRedirect($"{back}?error={Uri.EscapeDataString("Someone else answered or changed this first; their version is shown now. Review it and try again.")}");
        }
        catch (ForbiddenException)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
    }
}
