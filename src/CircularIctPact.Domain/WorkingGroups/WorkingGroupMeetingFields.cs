using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.WorkingGroups;

/// <summary>The form fields that the rules of meetings of a working group name.</summary>
public static class WorkingGroupMeetingFields
{
    public static readonly FormField Title = new("Title");
    public static readonly FormField Start = new("Start");
    public static readonly FormField TimeZone = new("TimeZone");
    public static readonly FormField Place = new("Place");
    public static readonly FormField OnlineLink = new("OnlineLink");
    public static readonly FormField Agenda = new("Agenda");
    public static readonly FormField Minutes = new("Minutes");
    public static readonly FormField Attendance = new("Attendance");
}
