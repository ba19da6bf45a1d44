namespace CircularIctPact.Web.Features.Notifications;

/// <summary>
/// Marker for the notification pages' texts in Resources/Features/Notifications/NotificationsText.{nl,fr,de}.resx; keys are the English
/// texts.
/// </summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<NotificationsText>.
internal sealed class NotificationsText;
#pragma warning restore CA1812
