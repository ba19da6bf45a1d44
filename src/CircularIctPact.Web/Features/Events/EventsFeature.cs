using System.Globalization;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Knowledge.Events;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Documents;

namespace CircularIctPact.Web.Features.Events;

public static class EventsFeature
{
    /// <summary>The time zones offered in the event form; the pact's members meet in these.</summary>
    public static IReadOnlyList<string> TimeZones { get; } =
        ["Europe/Brussels", "Europe/Amsterdam", "Europe/Berlin", "Europe/Vienna", "Europe/Zurich", "Europe/Oslo", "Europe/London", "Europe/Dublin", "Europe/Helsinki", "America/Toronto", "UTC"];

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
        group.MapPost("/", (HttpContext http, IFormCollection form, PactEvents events) =>
            FormAsync($"~/events/new", async () => $"~/events/{await events.CreateAsync(ReadDetails(form), form["scope"].ToString(), http.User, http.RequestAborted)}?done=saved"))
            .RequireAuthorization();
        group.MapPost("/{id:guid}", (Guid id, HttpContext http, IFormCollection form, PactEvents events) =>
            FormAsync($"~/events/{id}/edit", async () =>
            {
                await events.UpdateAsync(id, uint.TryParse(form["rowVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0, ReadDetails(form), http.User, http.RequestAborted);
                return $"~/events/{id}?done=saved";
            })).RequireAuthorization();
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
        group.MapPost("/{id:guid}/materials", (Guid id, HttpContext http, IFormCollection form, PactEvents events) =>
            FormAsync($"~/events/{id}", async () =>
            {
                var file = form.Files.GetFile("file");
                await using var stream = file is { Length: > 0 } ? file.OpenReadStream() : null;
                await events.AddMaterialAsync(id, form["title"].ToString(), form["url"].ToString(), stream is null ? null : new DocumentUpload(file!.FileName, stream), http.User, http.RequestAborted);
                return $"~/events/{id}?done=material#materials";
            })).RequireAuthorization();
        return endpoints;
    }

    /// <summary>The moment a local date and time in <paramref name="timeZoneId"/> stands for.</summary>
    public static DateTimeOffset InZone(DateTime local, string timeZoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found
            : throw new DomainException($"'{timeZoneId}' is not a known time zone.", "TimeZone");
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    /// <summary>A moment shown in the event's time zone.</summary>
    public static DateTimeOffset Local(DateTimeOffset at, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    private static EventDetails ReadDetails(IFormCollection form)
    {
        var zone = form["timeZone"].ToString();
        return new EventDetails(
            form["title"].ToString(),
            form["description"].ToString(),
            Enum.TryParse<EventKind>(form["kind"], out var kind) ? kind : throw new DomainException("Choose the kind of event.", "Kind"),
            InZone(ReadLocal(form["startsAt"], "StartsAt"), zone),
            InZone(ReadLocal(form["endsAt"], "EndsAt"), zone),
            zone,
            form["onlineLink"].ToString(),
            form["place"].ToString(),
            int.TryParse(form["capacity"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity) ? capacity : 0,
            form["audience"] == nameof(EventAudience.MembersOnly) ? EventAudience.MembersOnly : EventAudience.Public);
    }

    private static DateTime ReadLocal(string? value, string field) =>
        DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? local
            : throw new DomainException("Give a date and time.", field);

    private static async Task<IResult> FormAsync(string back, Func<Task<string>> action)
    {
        try
        {
            return Results.LocalRedirect(await action());
        }
        catch (DomainException error)
        {
            return Results.LocalRedirect($"{back}{(back.Contains('?', StringComparison.Ordinal) ? '&' : '?')}error={Uri.EscapeDataString(error.Message)}&field={Uri.EscapeDataString(error.Field ?? string.Empty)}");
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
