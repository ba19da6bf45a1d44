using System.Globalization;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Consultations;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Notifications;
using CircularIctPact.Web.Features.Privacy;
using MudBlazor;

namespace CircularIctPact.Web.Features.Consultations;

/// <summary>Consultations on draft criteria sets: comments per criterion, answers, closing and the secretariat's export.</summary>
public sealed class ConsultationsFeature : IPortalFeature
{
    /// <summary>The time zone of the pact secretariat; consultation end dates are the end of a day there.</summary>
    public const string SecretariatTimeZone = "Europe/Brussels";

    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/consultations", PortalAudience.SignedIn),
        RouteAudience.Page("/consultations/{Id:guid}", PortalAudience.SignedIn),
        RouteAudience.Post("/consultations/{id:guid}/close", PortalAudience.Secretariat),
        RouteAudience.Get("/consultations/{id:guid}/comments.csv", PortalAudience.Secretariat),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [new(NavigationSection.Work, 120, "Consultations", "consultations", Icons.Material.Outlined.RateReview, PortalAudience.SignedIn)];

    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
    [
        PersonalDataRegistration.By<ConsultationsPersonalData>()
            .Covers<Consultation>(consultation => consultation.OpenedByUserId)
            .Covers<ConsultationComment>(comment => comment.AuthorUserId)
            .Covers<ConsultationComment>(comment => comment.AnsweredByUserId),
    ];

    public IReadOnlyList<NotificationKindLabel> NotificationKinds { get; } =
        [new(NotificationKind.ConsultationCommentAnswered, "Answers to your consultation comments")];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CriteriaConsultations>();
        services.AddScoped<ConsultationDemoData>();
    }

    /// <summary>Closing a consultation early and the secretariat's CSV export.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/consultations").ExcludeFromDescription();
        group.MapPost("/{id:guid}/close", (Guid id, HttpContext http, IFormCollection form, CriteriaConsultations service) =>
            FormAsync(http, $"~/consultations/{id}", async () =>
            {
                await service.CloseEarlyAsync(id, RowVersion(form), http.User, http.RequestAborted);
                return $"~/consultations/{id}?done=closed";
            })).RequireAuthorization(PortalPolicies.Secretariat);
        group.MapGet("/{id:guid}/comments.csv", (Guid id, HttpContext http, CriteriaConsultations service) =>
            Downloads.RunAsync(http, async user =>
                Results.File(await service.ExportCsvAsync(id, user, http.RequestAborted), CsvFile.ContentType, $"consultation-{id}.csv")))
            .RequireAuthorization(PortalPolicies.Secretariat);
    }

    /// <summary>A moment shown in the secretariat's time zone.</summary>
    public static DateTimeOffset InSecretariatTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(SecretariatTimeZone));

    /// <summary>The end of <paramref name="day"/> (yyyy-MM-dd, as a date input gives it) in the secretariat's time zone.</summary>
    internal static DateTimeOffset EndOfDay(string? day, FormField field)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new DomainException(field, "Give the end date.");
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
            return Results.LocalRedirect($"{back}?error={Uri.EscapeDataString(DomainMessageText.Of(error))}");
        }
        catch (ConcurrencyConflictException)
        {
            return Results.LocalRedirect($"{back}?error={Uri.EscapeDataString("Someone else answered or changed this first; their version "
                + "is shown now. Review it and try again.")}");
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
