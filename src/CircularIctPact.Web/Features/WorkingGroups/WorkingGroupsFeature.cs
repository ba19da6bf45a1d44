using CircularIctPact.Domain.Notifications;
using CircularIctPact.Domain.WorkingGroups;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Notifications;
using CircularIctPact.Web.Features.Privacy;
using MudBlazor;

namespace CircularIctPact.Web.Features.WorkingGroups;

/// <summary>The public working groups, the chairs' workspace and the secretariat's administration of groups.</summary>
public sealed class WorkingGroupsFeature : IPortalFeature
{
    public IReadOnlyList<RouteAudience> Routes { get; } =
    [
        RouteAudience.Page("/working-groups", PortalAudience.Anyone),
        RouteAudience.Page("/working-groups/{Id:guid}", PortalAudience.Anyone),
        RouteAudience.Page("/working-groups/outcomes/{Id:guid}", PortalAudience.Anyone),
        RouteAudience.Page("/working-groups/{Id:guid}/workspace", PortalAudience.SignedIn),
        RouteAudience.Page("/my-working-groups", PortalAudience.SignedIn),
        RouteAudience.Page("/admin/working-groups", PortalAudience.Secretariat),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new(NavigationSection.Pact, 70, "Working groups", "working-groups", Icons.Material.Outlined.Diversity3, PortalAudience.Anyone),
        new(
            NavigationSection.Work,
            170,
            "My working groups",
            "my-working-groups",
            Icons.Material.Outlined.Workspaces,
            PortalAudience.WorkingGroupParticipant),
        new(
            NavigationSection.Secretariat,
            120,
            "Manage working groups",
            "admin/working-groups",
            Icons.Material.Outlined.Diversity3,
            PortalAudience.Secretariat),
    ];

    public IReadOnlyList<PersonalDataRegistration> PersonalData { get; } =
    [
        PersonalDataRegistration.By<WorkingGroupsPersonalData>()
            .Covers<WorkingGroupParticipant>(participant => participant.UserId)
            .Covers<WorkingGroupMeeting>(meeting => meeting.AttendeeUserIds)
            .Covers<ActionItem>(item => item.OwnerUserId),
    ];

    public IReadOnlyList<NotificationKindLabel> NotificationKinds { get; } =
    [
        new(NotificationKind.WorkingGroupOutcomePublished, "Outcomes published by your working groups"),
        new(NotificationKind.WorkingGroupMeetingPlanned, "Meetings planned in your working groups"),
        new(NotificationKind.WorkingGroupMinutesPublished, "Minutes of your working groups' meetings"),
        new(NotificationKind.ActionItemAssigned, "Action items given to you"),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<WorkingGroupDirectory>()
            .AddScoped<WorkingGroupWorkspace>()
            .AddScoped<WorkingGroupAdministration>()
            .AddScoped<WorkingGroupDescriptions>();
}
