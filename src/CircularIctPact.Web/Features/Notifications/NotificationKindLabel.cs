using CircularIctPact.Domain.Notifications;

namespace CircularIctPact.Web.Features.Notifications;

/// <summary>A kind of notification a feature publishes, with the English label (the resource key) people choose it by.</summary>
public sealed record NotificationKindLabel(NotificationKind Kind, string Label);
