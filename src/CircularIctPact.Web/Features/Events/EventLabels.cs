using System.Globalization;
using CircularIctPact.Domain.Events;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.Web.Features.Events;

/// <summary>Translated labels for event kinds and audiences, and dates in the event's own time zone.</summary>
internal static class EventLabels
{
    public static string Kind(IStringLocalizer texts, EventKind kind) => kind switch
    {
        EventKind.LearningSession => texts["Learning-network session"],
        EventKind.Webinar => texts["Webinar"],
        EventKind.Meeting => texts["Meeting"],
        _ => texts["Conference"],
    };

    public static string Audience(IStringLocalizer texts, EventAudience audience) =>
        audience == EventAudience.Public ? texts["Open to everyone"] : texts["Members only"];

    /// <summary>"Thursday 3 December 2026 14:00 – 15:30" in the reader's culture; pages name the time zone beside it.</summary>
    public static string When(DateTimeOffset start, DateTimeOffset end, string timeZoneId)
    {
        var from = EventTimeZones.Local(start, timeZoneId);
        var to = EventTimeZones.Local(end, timeZoneId);
        var culture = CultureInfo.CurrentCulture;
        var until = from.Date == to.Date ? to.ToString("t", culture) : to.ToString("f", culture);
        return $"{from.ToString("f", culture)} – {until}";
    }
}
