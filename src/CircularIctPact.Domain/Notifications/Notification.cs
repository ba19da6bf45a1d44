using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Notifications;

/// <summary>What a notification is about; people can turn each kind off. Features add their own kinds here.</summary>
public enum NotificationKind
{
    DiscussionReply,
    DiscussionMention,
    DiscussionSolution,
    WorkingGroupOutcomePublished,
    WorkingGroupMeetingPlanned,
    WorkingGroupMinutesPublished,
    ActionItemAssigned,
    ConsultationCommentAnswered,
    GoodPracticeSubmitted,
    GoodPracticeReviewed,
    EventSeatFromWaitingList,
    EventMaterialsPublished,
    TenderInterestReceived,
}

/// <summary>How a person wants notifications by mail.</summary>
public enum NotificationMailMode
{
    Immediate,
    WeeklyDigest,
    Off,
}

/// <summary>Something a person should know about, shown in the portal and possibly mailed.</summary>
public sealed class Notification : Entity
{
    public const int TitleMaxLength = 300;
    public const int LinkMaxLength = 500;

    private Notification()
    {
        Title = string.Empty;
        Link = string.Empty;
    }

    public Notification(Guid recipientUserId, NotificationKind kind, string title, string link, DateTimeOffset now)
    {
        RecipientUserId = recipientUserId;
        Kind = kind;
        Title = Guard.Required(
            title.Length > TitleMaxLength ? title[..(TitleMaxLength - 1)] + "…" : title,
            NotificationFields.Title,
            TitleMaxLength);
        Link = Guard.Required(link, NotificationFields.Link, LinkMaxLength);
        if (!Link.StartsWith('/') || Link.StartsWith("//", StringComparison.Ordinal))
        {
            throw new DomainException(
                NotificationFields.Link,
                "A notification links to a page of the portal (an address starting with /).");
        }

        CreatedAt = now;
    }

    public Guid RecipientUserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>The portal address the notification leads to, starting with '/'.</summary>
    public string Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>When it went out by mail, on its own or in a digest.</summary>
    public DateTimeOffset? MailedAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void MarkMailed(DateTimeOffset now) => MailedAt ??= now;
}

/// <summary>A person's choices about notifications; without a row the defaults apply (weekly digest, every kind on).</summary>
public sealed class NotificationPreference : IConcurrencyVersioned
{
    public static readonly TimeSpan DigestInterval = TimeSpan.FromDays(7);

    private readonly List<NotificationKind> _mutedKinds = [];

    private NotificationPreference()
    {
    }

    public NotificationPreference(Guid userId)
    {
        UserId = userId;
    }

    public const NotificationMailMode DefaultMailMode = NotificationMailMode.WeeklyDigest;

    public Guid UserId { get; private set; }

    public NotificationMailMode MailMode { get; private set; } = DefaultMailMode;

    /// <summary>Kinds the person does not want at all, neither in the portal nor by mail.</summary>
    public IReadOnlyList<NotificationKind> MutedKinds => _mutedKinds.AsReadOnly();

    public DateTimeOffset? LastDigestSentAt { get; private set; }

    public uint Version { get; private set; }

    public void Choose(NotificationMailMode mailMode, IEnumerable<NotificationKind> mutedKinds)
    {
        if (!Enum.IsDefined(mailMode))
        {
            throw new DomainException(NotificationFields.Mail, "Choose how you want to receive mail.");
        }

        MailMode = mailMode;
        _mutedKinds.Clear();
        _mutedKinds.AddRange(mutedKinds.Distinct());
    }

    /// <summary>True when a weekly digest is due: never sent, or the last one is at least a week old.</summary>
    public bool DigestDue(DateTimeOffset now) =>
        MailMode == NotificationMailMode.WeeklyDigest && (LastDigestSentAt is null || now - LastDigestSentAt.Value >= DigestInterval);

    public void RecordDigest(DateTimeOffset now) => LastDigestSentAt = now;
}
