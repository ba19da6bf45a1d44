using CircularIctPact.Domain.Notifications;

namespace CircularIctPact.Web.Features.Notifications;

/// <summary>English labels of the notification kinds (the resource keys); a feature that adds a kind adds its label here.</summary>
public static class NotificationKinds
{
    public static string Describe(NotificationKind kind) => kind switch
    {
        NotificationKind.DiscussionReply => "Replies to your threads",
        NotificationKind.DiscussionMention => "Mentions of you",
        NotificationKind.DiscussionSolution => "Your reply marked as the solution",
        _ => kind.ToString(),
    };

    public static string Describe(NotificationMailMode mode) => mode switch
    {
        NotificationMailMode.Immediate => "Immediately, one mail each",
        NotificationMailMode.WeeklyDigest => "One summary a week",
        _ => "No mail",
    };
}
