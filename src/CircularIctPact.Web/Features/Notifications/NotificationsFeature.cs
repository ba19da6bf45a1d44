namespace CircularIctPact.Web.Features.Notifications;

public static class NotificationsFeature
{
    /// <summary>Registers the publisher other features call, the inbox and settings, and the weekly digest service.</summary>
    public static IServiceCollection AddNotificationsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddScoped<NotificationMailSender>();
        services.AddScoped<INotificationPublisher, NotificationPublisher>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationDigests>();
        services.AddHostedService<NotificationDigestService>();
        return services;
    }

    /// <summary>Form posts of the static notification list (the form binding makes them check the antiforgery token): open one, which marks it read, and mark all read.</summary>
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/notifications").RequireAuthorization();
        group.MapPost("/{id:guid}/open", async (Guid id, HttpContext http, IFormCollection form, NotificationInbox inbox) =>
        {
            try
            {
                return Results.LocalRedirect(await inbox.MarkReadAsync(http.User, id, http.RequestAborted));
            }
            catch (Common.NotFoundException)
            {
                return Results.NotFound();
            }
        });
        group.MapPost("/read-all", async (HttpContext http, IFormCollection form, NotificationInbox inbox) =>
        {
            await inbox.MarkAllReadAsync(http.User, http.RequestAborted);
            return Results.LocalRedirect("/notifications");
        });
        return endpoints;
    }
}
