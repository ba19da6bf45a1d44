using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Domain.Events;

public enum EventKind
{
    LearningSession,
    Webinar,
    Meeting,
    Conference,
}

public enum EventAudience
{
    Public,
    MembersOnly,
}

/// <summary>
/// What an event is about and where and when it takes place. Title and description are in <paramref name="Language"/>;
/// <paramref name="Translations"/> give them in other portal languages.
/// </summary>
public sealed record EventDetails(
    string Title,
    string Description,
    EventKind Kind,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZoneId,
    string? OnlineLink,
    string? Place,
    int Capacity,
    EventAudience Audience,
    CriteriaLanguage Language = CriteriaLanguage.En,
    IReadOnlyList<Translation<EventText>>? Translations = null);

/// <summary>
/// A learning-network session, webinar, meeting or conference with a limited number of seats. People register
/// up to capacity, then join a waiting list in order; a cancellation gives the seat to the first one waiting.
/// </summary>
public sealed class PactEvent : Entity, IConcurrencyVersioned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 8000;
    public const int TimeZoneMaxLength = 64;
    public const int LinkMaxLength = 500;
    public const int PlaceMaxLength = 300;
    public const int MaxCapacity = 100_000;

    private readonly List<EventRegistration> _registrations = [];
    private readonly List<EventMaterial> _materials = [];

    private PactEvent()
    {
        Title = string.Empty;
        Description = string.Empty;
        TimeZoneId = string.Empty;
        Translations = [];
    }

    public PactEvent(EventDetails details, Guid organiserUserId, Guid? buyerGroupId, Guid? workingGroupId)
        : this()
    {
        Describe(details);
        OrganiserUserId = organiserUserId;
        BuyerGroupId = buyerGroupId;
        WorkingGroupId = workingGroupId;
    }

    public string Title { get; private set; }

    public string Description { get; private set; }

    /// <summary>The language <see cref="Title"/> and <see cref="Description"/> are written in.</summary>
    public CriteriaLanguage Language { get; private set; }

    /// <summary>Title and description in other portal languages.</summary>
    public IReadOnlyList<Translation<EventText>> Translations { get; private set; }

    public EventKind Kind { get; private set; }

    /// <summary>Stored in UTC; shown and exported in <see cref="TimeZoneId"/>.</summary>
    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>The IANA time zone the event is planned in, e.g. Europe/Amsterdam.</summary>
    public string TimeZoneId { get; private set; }

    public string? OnlineLink { get; private set; }

    public string? Place { get; private set; }

    public int Capacity { get; private set; }

    public EventAudience Audience { get; private set; }

    public Guid OrganiserUserId { get; private set; }

    /// <summary>Set when a coordinator organises it for their buyer group.</summary>
    public Guid? BuyerGroupId { get; private set; }

    /// <summary>Set when a chair organises it for their working group.</summary>
    public Guid? WorkingGroupId { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<EventRegistration> Registrations => _registrations.AsReadOnly();

    public IReadOnlyCollection<EventMaterial> Materials => _materials.AsReadOnly();

    public int SeatsTaken => _registrations.Count(r => r.Status == RegistrationStatus.Registered);

    public void Describe(EventDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var rules = new RuleViolations();
        var (text, translations, zone, link, place) = Checked(details, rules);
        if (details.Capacity >= 1 && details.Capacity <= MaxCapacity && details.Capacity < SeatsTaken)
        {
            rules.Report(PactEventFields.Capacity, "{0} people are already registered; capacity cannot be lower.", SeatsTaken);
        }

        rules.ThrowIfAny();
        Title = text.Title!;
        Description = text.Description!;
        Language = details.Language;
        Translations = translations;
        Kind = details.Kind;
        Audience = details.Audience;
        TimeZoneId = zone;
        StartsAt = details.StartsAt.ToUniversalTime();
        EndsAt = details.EndsAt.ToUniversalTime();
        OnlineLink = link;
        Place = place;
        var freed = Capacity > 0 ? details.Capacity - Capacity : 0;
        Capacity = details.Capacity;
        for (var seat = 0; seat < freed; seat++)
        {
            if (FirstWaiting() is not { } waiting)
            {
                break;
            }

            waiting.Promote();
        }
    }

    /// <summary>
    /// Every rule <paramref name="details"/> breaks that does not depend on an existing event's registrations, so a form
    /// that could not read some of its inputs can still name all the other mistakes at once.
    /// </summary>
    public static IReadOnlyList<RuleViolation> Problems(EventDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var rules = new RuleViolations();
        Checked(details, rules);
        return rules.All;
    }

    private static (EventText Text, IReadOnlyList<Translation<EventText>> Translations, string Zone, string? Link, string? Place)
        Checked(EventDetails details, RuleViolations rules)
    {
        var text = new EventText(details.Title, details.Description).Checked(rules, null);
        var translations = ContentTranslations.Checked(rules, details.Language, details.Translations);
        var zone = rules.Required(details.TimeZoneId, PactEventFields.TimeZone, TimeZoneMaxLength);
        if (zone.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            rules.Report(PactEventFields.TimeZone, "'{0}' is not a known time zone; use a name such as Europe/Brussels.", zone);
        }

        if (details.EndsAt <= details.StartsAt)
        {
            rules.Report(PactEventFields.EndsAt, "The event must end after it starts.");
        }

        if (details.Capacity < 1 || details.Capacity > MaxCapacity)
        {
            rules.Report(PactEventFields.Capacity, "Capacity must be between 1 and {0}.", MaxCapacity);
        }

        var link = rules.Optional(details.OnlineLink, PactEventFields.OnlineLink, LinkMaxLength);
        if (link is not null && !IsWebAddress(link))
        {
            rules.Report(PactEventFields.OnlineLink, "The online link must be a web address starting with https://.");
        }

        var place = rules.Optional(details.Place, PactEventFields.Place, PlaceMaxLength);
        if (link is null && place is null)
        {
            rules.Report(PactEventFields.Place, "Give an online link, a place, or both.");
        }

        return (text, translations, zone, link, place);
    }

    public EventDetails Details =>
        new(Title, Description, Kind, StartsAt, EndsAt, TimeZoneId, OnlineLink, Place, Capacity, Audience, Language, Translations);

    /// <summary>The title and description a reader of <paramref name="reader"/> gets, with the language they are in.</summary>
    public Translation<EventText> TextFor(CriteriaLanguage reader) =>
        ContentTranslations.For(reader, Language, new EventText(Title, Description), Translations);

    public EventRegistration? RegistrationOf(Guid userId) =>
        _registrations.FirstOrDefault(r => r.UserId == userId && r.Status != RegistrationStatus.Cancelled);

    /// <summary>Gives the person a seat, or a place on the waiting list when the event is full.</summary>
    public EventRegistration Register(Guid userId, DateTimeOffset now)
    {
        if (now >= EndsAt)
        {
            throw new DomainException(PactEventFields.Registration, "This event is over; registration has closed.");
        }

        if (RegistrationOf(userId) is not null)
        {
            throw new DomainException(PactEventFields.Registration, "You are already registered for this event.");
        }

        var status = SeatsTaken < Capacity ? RegistrationStatus.Registered : RegistrationStatus.Waiting;
        var previous = _registrations.FirstOrDefault(r => r.UserId == userId);
        if (previous is not null)
        {
            previous.Renew(status, now);
            return previous;
        }

        var registration = new EventRegistration(Id, userId, status, now);
        _registrations.Add(registration);
        return registration;
    }

    /// <summary>Cancels the person's registration; returns whoever moved up from the waiting list into the freed seat.</summary>
    public EventRegistration? Cancel(Guid userId, DateTimeOffset now)
    {
        var registration = RegistrationOf(userId)
            ?? throw new DomainException(PactEventFields.Registration, "You are not registered for this event.");
        var hadSeat = registration.Status == RegistrationStatus.Registered;
        registration.Cancel(now);
        if (!hadSeat || FirstWaiting() is not { } next)
        {
            return null;
        }

        next.Promote();
        return next;
    }

    /// <summary>1 for the first person waiting, or null when the person is not on the waiting list.</summary>
    public int? WaitingPositionOf(Guid userId)
    {
        var waiting = WaitingList().ToList();
        var index = waiting.FindIndex(r => r.UserId == userId);
        return index < 0 ? null : index + 1;
    }

    public IEnumerable<EventRegistration> WaitingList() =>
        _registrations.Where(r => r.Status == RegistrationStatus.Waiting).OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id);

    public void RecordAttendance(Guid userId, bool attended, DateTimeOffset now)
    {
        if (now < StartsAt)
        {
            throw new DomainException(PactEventFields.Attendance, "Attendance can be recorded once the event has started.");
        }

        var registration = _registrations.FirstOrDefault(r => r.UserId == userId && r.Status == RegistrationStatus.Registered)
            ?? throw new DomainException(PactEventFields.Attendance, "Only people with a seat can be marked as attending.");
        registration.MarkAttended(attended);
    }

    public EventMaterial AddMaterial(string title, string? url, Guid? documentId, DateTimeOffset now)
    {
        var material = new EventMaterial(Id, title, url, documentId, now);
        _materials.Add(material);
        return material;
    }

    public void RemoveMaterial(Guid materialId)
    {
        var material = _materials.SingleOrDefault(m => m.Id == materialId)
            ?? throw new DomainException(PactEventFields.Material, "This material is not part of the event.");
        _materials.Remove(material);
    }

    internal static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private EventRegistration? FirstWaiting() => WaitingList().FirstOrDefault();
}
