using CircularIctPact.Domain.Notifications;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Privacy;
using MudBlazor;

namespace CircularIctPact.Web.Features.Notifications;

/// <summary>
/// The publisher other features call, the inbox and settings, and the weekly digest. The kinds of notification are
/// declared by the features that publish them (<see cref="IPortalFeature.NotificationKinds"/>).
/// </summary>
public sealed class NotificationsFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/notifications", PortalAudience.SignedIn),
        RouteAudience.Page("/notifications/settings", PortalAudience.SignedIn),
        RouteAudience.Post("/notifications/{id:guid}/open", PortalAudience.SignedIn),
        RouteAudience.Post("/notifications/read-all", PortalAudience.SignedIn),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [new(
            NavigationSection.Work,
            140,
            "Notifications",
            "notifications",
            Icons.Material.Outlined.Notifications,
            PortalAudience.SignedIn)];

    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
    [
        PersonalDataRegistration.By<NotificationsPersonalData>()
            .Covers<Notification>(notification => notification.RecipientUserId)
            .Covers<NotificationPreference>(preference => preference.UserId),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddScoped<NotificationMailSender>();
        services.AddScoped<INotificationPublisher, NotificationPublisher>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationDigests>();
        services.AddHostedService<NotificationDigestService>();
    }

    /// <summary>
    /// Form posts of the static notification list (the form binding makes them check the antiforgery token): open one, which marks it read,
    /// and mark all read.
    /// </summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
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
    }
}
