using CircularIctPact.Domain.WorkingGroups;

namespace CircularIctPact.Web.Features.WorkingGroups;

public sealed record OutcomeSummary(Guid Id, string Title, OutcomeType Type, DateTimeOffset? PublishedAt);

/// <summary>A group on the public list, with its public outcomes.</summary>
public sealed record WorkingGroupSummary(Guid Id, string Name, string Topic, string? Mandate, IReadOnlyList<OutcomeSummary> PublicOutcomes);

public sealed record DocumentLink(Guid StoredDocumentId, string FileName);

/// <summary>A participant as others in the group see them; the e-mail only for those who manage the group.</summary>
public sealed record ParticipantView(
    Guid UserId,
    string Name,
    string? Email,
    ParticipantRole Role,
    StakeholderType StakeholderType,
    string? Organisation);

public sealed record MeetingView(
    Guid Id,
    string Title,
    DateTimeOffset StartsAt,
    DateTime LocalStart,
    string TimeZoneId,
    string? Place,
    string? OnlineLink,
    string Agenda,
    string? Minutes,
    IReadOnlyList<Guid> Attendees,
    bool AttendanceRecorded,
    IReadOnlyList<DocumentLink> Documents,
    uint RowVersion);

public sealed record ActionItemView(
    Guid Id,
    Guid MeetingId,
    string MeetingTitle,
    string Description,
    Guid OwnerUserId,
    string OwnerName,
    DateOnly DueOn,
    ActionItemStatus Status,
    bool IsOverdue,
    bool CanChange,
    uint RowVersion);

public sealed record OutcomeDetails(
    Guid Id,
    Guid WorkingGroupId,
    string WorkingGroupName,
    Guid? MeetingId,
    string Title,
    OutcomeType Type,
    string Body,
    OutcomeStatus Status,
    OutcomeVisibility Visibility,
    DateTimeOffset? PublishedAt,
    Guid? CriteriaSetId,
    string? CriteriaSetLabel,
    IReadOnlyList<DocumentLink> Documents,
    bool CanManage,
    uint RowVersion);

/// <summary>
/// One working group as the caller may see it: everyone gets the description and the outcomes meant for
/// them; participants, chairs and the secretariat also get participants, meetings and action items.
/// </summary>
public sealed record WorkingGroupView(
    Guid Id,
    string Name,
    string Topic,
    string? Mandate,
    GroupStanding Standing,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<MeetingView> Meetings,
    IReadOnlyList<OutcomeDetails> Outcomes,
    IReadOnlyList<ActionItemView> ActionItems);

/// <summary>A group on the caller's own list.</summary>
public sealed record MyWorkingGroup(
    Guid Id,
    string Name,
    string Topic,
    ParticipantRole Role,
    int MyOpenActions,
    int MyOverdueActions,
    DateTimeOffset? NextMeetingAt);

public sealed record AccountOption(Guid Id, string Name, string Email, string? Organisation);

public sealed record CriteriaSetOption(Guid Id, string Label);

/// <summary>A criteria proposal from a working group, as the secretariat sees it on the criteria set.</summary>
public sealed record CriteriaProposalLink(Guid OutcomeId, string Title, string WorkingGroupName, OutcomeStatus Status);

public sealed record MeetingDraft(
    string? Title,
    DateTime? LocalStart,
    string? TimeZoneId,
    string? Place,
    string? OnlineLink,
    string? Agenda);

public sealed record OutcomeDraft(
    string? Title, OutcomeType Type, string? Body, OutcomeVisibility? Visibility, Guid? CriteriaSetId, Guid? MeetingId);

public sealed record ActionItemDraft(string? Description, Guid? OwnerUserId, DateOnly? DueOn);

public sealed record StakeholderInvite(string? Email, string? Name, StakeholderType StakeholderType, string? Organisation);

/// <summary>A group on the secretariat's list, with its chairs.</summary>
public sealed record AdministeredGroup(Guid Id, string Name, string Topic, int ParticipantCount, IReadOnlyList<ParticipantView> Chairs);
