using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Events;

/// <summary>The form fields that the rules of pact events and their registrations name.</summary>
public static class PactEventFields
{
    public static readonly FormField Title = new("Title");
    public static readonly FormField Description = new("Description");
    public static readonly FormField EndsAt = new("EndsAt");
    public static readonly FormField TimeZone = new("TimeZone");
    public static readonly FormField Capacity = new("Capacity");
    public static readonly FormField OnlineLink = new("OnlineLink");
    public static readonly FormField Place = new("Place");
    public static readonly FormField Registration = new("Registration");
    public static readonly FormField Attendance = new("Attendance");
    public static readonly FormField Material = new("Material");
}
