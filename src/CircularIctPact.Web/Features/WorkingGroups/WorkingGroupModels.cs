using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.WorkingGroups;

namespace CircularIctPact.Web.Features.WorkingGroups;

/// <summary>An outcome on a list, its title in <paramref name="Language"/> (the reader's where the outcome has it).</summary>
public sealed record OutcomeSummary(Guid Id, string Title, CriteriaLanguage Language, OutcomeType Type, DateTimeOffset? PublishedAt);

/// <summary>
/// A group on the public list, with its public outcomes; name, topic and mandate in <paramref name="Language"/>, the
/// reader's where the group has it, otherwise the language it was described in.
/// </summary>
public sealed record WorkingGroupSummary(
    Guid Id,
    string Name,
    string Topic,
    string? Mandate,
    CriteriaLanguage Language,
    IReadOnlyList<OutcomeSummary> PublicOutcomes);

/// <summary>How a group describes itself as written, with every translation and the version its chairs edit.</summary>
public sealed record WorkingGroupDescription(
    CriteriaLanguage Language,
    WorkingGroupText Text,
    IReadOnlyList<Translation<WorkingGroupText>> Translations,
    uint RowVersion);

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

/// <summary>
/// An outcome: <paramref name="Title"/> and <paramref name="Body"/> in <paramref name="Language"/>, the reader's where the
/// outcome has it; <paramref name="Written"/> is the text as written, with every translation, for its chairs to edit.
/// </summary>
public sealed record OutcomeDetails(
    Guid Id,
    Guid WorkingGroupId,
    string WorkingGroupName,
    CriteriaLanguage WorkingGroupNameLanguage,
    Guid? MeetingId,
    string Title,
    OutcomeType Type,
    string Body,
    CriteriaLanguage Language,
    OutcomeWriting Written,
    OutcomeStatus Status,
    OutcomeVisibility Visibility,
    DateTimeOffset? PublishedAt,
    Guid? CriteriaSetId,
    string? CriteriaSetLabel,
    IReadOnlyList<DocumentLink> Documents,
    bool CanManage,
    uint RowVersion);

/// <summary>An outcome's title and text as its chairs wrote them, with every translation.</summary>
public sealed record OutcomeWriting(CriteriaLanguage Language, OutcomeText Text, IReadOnlyList<Translation<OutcomeText>> Translations);

/// <summary>
/// One working group as the caller may see it: everyone gets the description (in <paramref name="Language"/>, the
/// reader's where the group has it) and the outcomes meant for them; participants, chairs and the secretariat also
/// get participants, meetings and action items.
/// </summary>
public sealed record WorkingGroupView(
    Guid Id,
    string Name,
    string Topic,
    string? Mandate,
    CriteriaLanguage Language,
    WorkingGroupDescription Description,
    GroupStanding Standing,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<MeetingView> Meetings,
    IReadOnlyList<OutcomeDetails> Outcomes,
    IReadOnlyList<ActionItemView> ActionItems);

/// <summary>A group on the caller's own list, named in <paramref name="Language"/> (the reader's where the group has it).</summary>
public sealed record MyWorkingGroup(
    Guid Id,
    string Name,
    string Topic,
    CriteriaLanguage Language,
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

/// <summary>An outcome as its chair fills in the form: title and text in <paramref name="Language"/>, with translations.</summary>
public sealed record OutcomeDraft(
    string? Title,
    OutcomeType Type,
    string? Body,
    OutcomeVisibility? Visibility,
    Guid? CriteriaSetId,
    Guid? MeetingId,
    CriteriaLanguage Language = CriteriaLanguage.En,
    IReadOnlyList<Translation<OutcomeText>>? Translations = null);

public sealed record ActionItemDraft(string? Description, Guid? OwnerUserId, DateOnly? DueOn);

public sealed record StakeholderInvite(string? Email, string? Name, StakeholderType StakeholderType, string? Organisation);

/// <summary>A group on the secretariat's list, with its chairs.</summary>
public sealed record AdministeredGroup(Guid Id, string Name, string Topic, int ParticipantCount, IReadOnlyList<ParticipantView> Chairs);
