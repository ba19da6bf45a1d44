using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Events;

namespace CircularIctPact.Web.Features.Events;

/// <summary>Events happen at a local time in their own time zone; these turn that into moments and back.</summary>
public static class EventTimeZones
{
    /// <summary>The time zones offered in the event form; the pact's members meet in these.</summary>
    public static IReadOnlyList<string> Offered { get; } =
        [
            "Europe/Brussels",
            "Europe/Amsterdam",
            "Europe/Berlin",
            "Europe/Vienna",
            "Europe/Zurich",
            "Europe/Oslo",
            "Europe/London",
            "Europe/Dublin",
            "Europe/Helsinki",
            "America/Toronto",
            "UTC",
        ];

    /// <summary>The moment a local date and time in <paramref name="timeZoneId"/> stands for.</summary>
    public static DateTimeOffset InZone(DateTime local, string timeZoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found
            : throw new DomainException(PactEventFields.TimeZone, "'{0}' is not a known time zone.", timeZoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    /// <summary>A moment shown in the event's time zone.</summary>
    public static DateTimeOffset Local(DateTimeOffset at, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
}
