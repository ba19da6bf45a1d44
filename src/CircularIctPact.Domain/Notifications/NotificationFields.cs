using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Notifications;

/// <summary>The form fields that the rules of notifications and mail settings name.</summary>
public static class NotificationFields
{
    public static readonly FormField Title = new("Title");
    public static readonly FormField Link = new("Link");
    public static readonly FormField Mail = new("Mail");
}
