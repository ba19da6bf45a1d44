using System.Collections.Frozen;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Web.Hosting;

namespace CircularIctPact.Web.Features.Notifications;

/// <summary>English labels (the resource keys) of the notification kinds, as the publishing features declare them.</summary>
public static class NotificationKinds
{
    private static readonly FrozenDictionary<NotificationKind, string> Labels =
        PortalFeatures.NotificationKinds.ToFrozenDictionary(label => label.Kind, label => label.Label);

    public static string Describe(NotificationKind kind) => Labels.GetValueOrDefault(kind) ?? kind.ToString();

    public static string Describe(NotificationMailMode mode) => mode switch
    {
        NotificationMailMode.Immediate => "Immediately, one mail each",
        NotificationMailMode.WeeklyDigest => "One summary a week",
        _ => "No mail",
    };
}
