using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Knowledge.Events;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.Events;

public static class EventsFeature
{
    public static IServiceCollection AddEventsFeature(this IServiceCollection services)
    {
        services.AddScoped<PactEvents>();
        return services;
    }

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/events").ExcludeFromDescription();
        group.MapGet("/{id:guid}/calendar.ics", async (Guid id, HttpContext http, PactEvents events) =>
        {
            try
            {
                var address = new Uri($"{http.Request.Scheme}://{http.Request.Host}/events/{id}");
                var (fileName, content) = await events.CalendarFileAsync(id, address, http.User, http.RequestAborted);
                return Results.File(System.Text.Encoding.UTF8.GetBytes(content), "text/calendar; charset=utf-8", fileName);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
        });
        group.MapPost("/{id:guid}/register", (Guid id, HttpContext http, PactEvents events) =>
            FormAsync($"~/events/{id}", async () => $"~/events/{id}?done={(await events.RegisterAsync(id, http.User, http.RequestAborted) == RegistrationStatus.Waiting ? "waiting" : "registered")}"))
            .RequireAuthorization();
        group.MapPost("/{id:guid}/cancel", (Guid id, HttpContext http, PactEvents events) =>
            FormAsync($"~/events/{id}", async () =>
            {
                await events.CancelAsync(id, http.User, http.RequestAborted);
                return $"~/events/{id}?done=cancelled";
            })).RequireAuthorization();
        group.MapPost("/{id:guid}/attendance", (Guid id, HttpContext http, IFormCollection form, PactEvents events) =>
            FormAsync($"~/events/{id}", async () =>
            {
                var attendee = Guid.TryParse(form["userId"], out var parsed) ? parsed : throw new DomainException("Choose a person.", "Attendance");
                await events.RecordAttendanceAsync(id, attendee, form["attended"] == "true", http.User, http.RequestAborted);
                return $"~/events/{id}?done=attendance#registrations";
            })).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> FormAsync(string back, Func<Task<string>> action)
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
            return Results.LocalRedirect($"{back}?error={Uri.EscapeDataString("Someone else changed this event after you opened it; nothing of yours was saved. Review it and save again.")}");
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
