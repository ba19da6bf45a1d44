using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Events;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Notifications;
using CircularIctPact.Web.Features.Privacy;
using MudBlazor;

namespace CircularIctPact.Web.Features.Events;

/// <summary>Learning sessions and events: registration with a waiting list, attendance, materials and calendar files.</summary>
public sealed class EventsFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/events", PortalAudience.Anyone),
        RouteAudience.Page("/events/{Id:guid}", PortalAudience.Anyone),
        RouteAudience.Page("/events/new", PortalAudience.Organiser),
        RouteAudience.Page("/events/{Id:guid}/edit", PortalAudience.SignedIn),
        RouteAudience.Get("/events/{id:guid}/calendar.ics", PortalAudience.Anyone),
        RouteAudience.Post("/events/{id:guid}/register", PortalAudience.SignedIn),
        RouteAudience.Post("/events/{id:guid}/cancel", PortalAudience.SignedIn),
        RouteAudience.Post("/events/{id:guid}/attendance", PortalAudience.SignedIn),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [new(NavigationSection.Pact, 40, "Events", "events", Icons.Material.Outlined.Event, PortalAudience.Anyone)];

    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
    [
        PersonalDataRegistration.By<EventsPersonalData>()
            .Covers<PactEvent>(pactEvent => pactEvent.OrganiserUserId)
            .Covers<EventRegistration>(registration => registration.UserId),
    ];

    public IReadOnlyList<NotificationKindLabel> NotificationKinds { get; } =
    [
        new(NotificationKind.EventSeatFromWaitingList, "A seat for you after the waiting list"),
        new(NotificationKind.EventMaterialsPublished, "Materials of events you registered for"),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<PactEvents>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/events").ExcludeFromDescription();
        group.MapGet("/{id:guid}/calendar.ics", (Guid id, HttpContext http, PactEvents events) =>
            Downloads.RunAsync(http, async user =>
            {
                var address = new Uri($"{http.Request.Scheme}://{http.Request.Host}/events/{id}");
                var (fileName, content) = await events.CalendarFileAsync(id, address, user, http.RequestAborted);
                return Results.File(System.Text.Encoding.UTF8.GetBytes(content), "text/calendar; charset=utf-8", fileName);
            }));
        group.MapPost("/{id:guid}/register", (Guid id, HttpContext http, PactEvents events) =>
            FormAsync($"~/events/{id}", async () =>
            {
                var status = await events.RegisterAsync(id, http.User, http.RequestAborted);
                return $"~/events/{id}?done={(status == RegistrationStatus.Waiting ? "waiting" : "registered")}";
            })).RequireAuthorization();
        group.MapPost("/{id:guid}/cancel", (Guid id, HttpContext http, PactEvents events) =>
            FormAsync($"~/events/{id}", async () =>
            {
                await events.CancelAsync(id, http.User, http.RequestAborted);
                return $"~/events/{id}?done=cancelled";
            })).RequireAuthorization();
        group.MapPost("/{id:guid}/attendance", (Guid id, HttpContext http, IFormCollection form, PactEvents events) =>
            FormAsync($"~/events/{id}", async () =>
            {
                var attendee = Guid.TryParse(form["userId"], out var parsed) ? parsed : throw new DomainException(
                    PactEventFields.Attendance,
                    "Choose a person.");
                await events.RecordAttendanceAsync(id, attendee, form["attended"] == "true", http.User, http.RequestAborted);
                return $"~/events/{id}?done=attendance#registrations";
            })).RequireAuthorization();
    }

    private static async Task<IResult> FormAsync(string back, Func<Task<string>> action)
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
            return Results.LocalRedirect($"{back}?error={Uri.EscapeDataString("Someone else changed this event after you opened it; "
                + "nothing of yours was saved. Review it and save again.")}");
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
