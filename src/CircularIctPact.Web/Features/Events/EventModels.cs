using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Events;

namespace CircularIctPact.Web.Features.Events;

/// <summary>An event in the list: <paramref name="Title"/> in <paramref name="Language"/>, the reader's language where the
/// event has it, otherwise the language the organiser wrote it in.</summary>
public sealed record EventSummary(
    Guid Id,
    string Title,
    CriteriaLanguage Language,
    EventKind Kind,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZoneId,
    EventAudience Audience,
    string? Place,
    bool IsOnline,
    int SeatsLeft);

/// <summary>Upcoming and past events the reader may see.</summary>
public sealed record EventListView(IReadOnlyList<EventSummary> Upcoming, IReadOnlyList<EventSummary> Past, bool CanOrganise);

/// <summary>A material shared after the event: a document (downloaded through /documents) or a link.</summary>
public sealed record MaterialView(Guid Id, string Title, string? Url, Guid? DocumentId);

/// <summary>One registration as the organiser sees it.</summary>
public sealed record RegistrationView(
    Guid UserId,
    string Name,
    string? Email,
    RegistrationStatus Status,
    DateTimeOffset RegisteredAt,
    bool? Attended,
    int? WaitingPosition);

/// <summary>
/// The event page: details (with the original text and every translation, for the editor), the title and description the
/// reader gets, the reader's own registration, materials, and for organisers the registrations.
/// </summary>
public sealed record EventView(
    Guid Id,
    EventDetails Details,
    Translation<EventText> Shown,
    int SeatsTaken,
    int WaitingCount,
    RegistrationStatus? MyStatus,
    int? MyWaitingPosition,
    bool CanRegister,
    bool CanManage,
    bool IsOver,
    uint RowVersion,
    IReadOnlyList<MaterialView> Materials,
    IReadOnlyList<RegistrationView> Registrations);

/// <summary>
/// Who an event is organised for: the whole pact (secretariat), a buyer group (its coordinator) or a working group (its chair).
/// </summary>
public sealed record OrganiserScope(string Value, string Name);

/// <summary>The event's details as they are stored now, with the version to save over them.</summary>
public sealed record StoredEvent(EventDetails Details, uint RowVersion);
