using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.WorkingGroups;

/// <summary>
/// A meeting of a working group: planned with an agenda, then documented with minutes and who attended.
/// The start is kept as the local time the chair chose in an IANA time zone, and as the instant it denotes.
/// </summary>
public sealed class WorkingGroupMeeting : Entity, IConcurrencyVersioned
{
    public const int TitleMaxLength = 200;
    public const int TimeZoneMaxLength = 64;
    public const int PlaceMaxLength = 300;
    public const int OnlineLinkMaxLength = 500;
    public const int AgendaMaxLength = 8000;
    public const int MinutesMaxLength = 20000;

    private WorkingGroupMeeting()
    {
        Title = string.Empty;
        TimeZoneId = string.Empty;
        Agenda = string.Empty;
    }

    public WorkingGroupMeeting(
        Guid workingGroupId,
        string title,
        DateTime localStart,
        string timeZoneId,
        string? place,
        string? onlineLink,
        string agenda)
    {
        WorkingGroupId = workingGroupId;
        Title = string.Empty;
        TimeZoneId = string.Empty;
        Agenda = string.Empty;
        Plan(title, localStart, timeZoneId, place, onlineLink, agenda);
    }

    public Guid WorkingGroupId { get; private set; }

    public string Title { get; private set; }

    /// <summary>The start as the instant it denotes (UTC).</summary>
    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>The IANA time zone the chair planned the meeting in, e.g. Europe/Brussels.</summary>
    public string TimeZoneId { get; private set; }

    public string? Place { get; private set; }

    public string? OnlineLink { get; private set; }

    public string Agenda { get; private set; }

    public string? Minutes { get; private set; }

    /// <summary>The participants who attended; only set once attendance is recorded.</summary>
    public List<Guid> AttendeeUserIds { get; private set; } = [];

    public bool AttendanceRecorded { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The start in the meeting's own time zone.</summary>
    public DateTime LocalStart => TimeZoneInfo.ConvertTime(StartsAt, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId)).DateTime;

    public void Plan(string title, DateTime localStart, string timeZoneId, string? place, string? onlineLink, string agenda)
    {
        Title = Guard.Required(title, WorkingGroupMeetingFields.Title, TitleMaxLength);
        var zone = FindZone(timeZoneId);
        var unspecified = DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            throw new DomainException(
                WorkingGroupMeetingFields.Start,
                "{0:yyyy-MM-dd HH:mm} does not exist in {1} because the clocks change then; choose another time.",
                unspecified,
                zone.Id);
        }

        StartsAt = new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
        TimeZoneId = zone.Id;
        Place = Guard.Optional(place, WorkingGroupMeetingFields.Place, PlaceMaxLength);
        OnlineLink = Guard.Optional(onlineLink, WorkingGroupMeetingFields.OnlineLink, OnlineLinkMaxLength);
        if (OnlineLink is not null && !IsWebAddress(OnlineLink))
        {
            throw new DomainException(
                WorkingGroupMeetingFields.OnlineLink,
                "The online link must be a web address starting with https:// or http://.");
        }

        if (Place is null && OnlineLink is null)
        {
            throw new DomainException(WorkingGroupMeetingFields.Place, "Give a place or an online link, so participants know where to go.");
        }

        Agenda = Guard.Required(agenda, WorkingGroupMeetingFields.Agenda, AgendaMaxLength);
    }

    public void WriteMinutes(string? minutes) => Minutes = Guard.Optional(minutes, WorkingGroupMeetingFields.Minutes, MinutesMaxLength);

    /// <summary>Records who attended; everyone must be a participant of the group.</summary>
    public void RecordAttendance(IEnumerable<Guid> attendees, IReadOnlyCollection<Guid> participants)
    {
        var present = attendees.Distinct().ToList();
        if (present.Any(id => !participants.Contains(id)))
        {
            throw new DomainException(
                WorkingGroupMeetingFields.Attendance,
                "Only participants of the working group can be marked as present.");
        }

        AttendeeUserIds = present;
        AttendanceRecorded = true;
    }

    private static TimeZoneInfo FindZone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId) || timeZoneId.Length > TimeZoneMaxLength
            || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId.Trim(), out var zone)
            || !zone.HasIanaId)
        {
            throw new DomainException(
                WorkingGroupMeetingFields.TimeZone,
                "'{0}' is not a known time zone; use a name such as Europe/Brussels.",
                timeZoneId);
        }

        return zone;
    }

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
