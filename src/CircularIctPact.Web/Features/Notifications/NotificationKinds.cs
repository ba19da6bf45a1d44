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
        NotificationKind.WorkingGroupOutcomePublished => "Outcomes published by your working groups",
        NotificationKind.WorkingGroupMeetingPlanned => "Meetings planned in your working groups",
        NotificationKind.WorkingGroupMinutesPublished => "Minutes of your working groups' meetings",
        NotificationKind.ActionItemAssigned => "Action items given to you",
        NotificationKind.ConsultationCommentAnswered => "Answers to your consultation comments",
        NotificationKind.GoodPracticeSubmitted => "Good-practice cases waiting for your review",
        NotificationKind.GoodPracticeReviewed => "Review decisions on your good-practice cases",
        NotificationKind.EventSeatFromWaitingList => "A seat for you after the waiting list",
        NotificationKind.EventMaterialsPublished => "Materials of events you registered for",
        NotificationKind.TenderInterestReceived => "Interest in your organisation's planned tenders",
        _ => kind.ToString(),
    };

    public static string Describe(NotificationMailMode mode) => mode switch
    {
        NotificationMailMode.Immediate => "Immediately, one mail each",
        NotificationMailMode.WeeklyDigest => "One summary a week",
        _ => "No mail",
    };
}
