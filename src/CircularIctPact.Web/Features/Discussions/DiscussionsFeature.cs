using CircularIctPact.Domain.Discussions;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Notifications;
using CircularIctPact.Web.Features.Privacy;
using MudBlazor;

namespace CircularIctPact.Web.Features.Discussions;

/// <summary>The discussion spaces, threads, replies and search.</summary>
public sealed class DiscussionsFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/discussions", PortalAudience.SignedIn),
        RouteAudience.Page("/discussions/{Space}", PortalAudience.SignedIn),
        RouteAudience.Page("/discussions/threads/{Id:guid}", PortalAudience.SignedIn),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [new(NavigationSection.Work, 130, "Discussions", "discussions", Icons.Material.Outlined.Forum, PortalAudience.SignedIn)];

    /// <summary>Runs before the notifications' contributor, which deletes the notifications this one finds mentions through.</summary>
    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
    [
        PersonalDataRegistration.By<DiscussionsPersonalData>()
            .Covers<DiscussionThread>(thread => thread.AuthorUserId)
            .Covers<DiscussionReply>(reply => reply.AuthorUserId),
    ];

    public IReadOnlyList<NotificationKindLabel> NotificationKinds { get; } =
    [
        new(NotificationKind.DiscussionReply, "Replies to your threads"),
        new(NotificationKind.DiscussionMention, "Mentions of you"),
        new(NotificationKind.DiscussionSolution, "Your reply marked as the solution"),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<DiscussionBoard>();
}
