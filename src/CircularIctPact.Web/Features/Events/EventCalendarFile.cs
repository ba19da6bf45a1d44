using System.Globalization;
using System.Text;
using CircularIctPact.Domain.Events;

namespace CircularIctPact.Web.Features.Events;

/// <summary>
/// Writes an event as an RFC 5545 iCalendar file: start and end in the event's own time zone (TZID), with a VTIMEZONE
/// holding that zone's offsets and the changes between them in the years of the event, so calendars show the right hour.
/// </summary>
public static class EventCalendarFile
{
    private const string LocalFormat = "yyyyMMdd'T'HHmmss";

    public static string Write(PactEvent pactEvent, Uri eventAddress, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(pactEvent.TimeZoneId);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Circular and Fair ICT Pact//Portal//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        };
        lines.AddRange(TimeZone(zone, pactEvent.StartsAt, pactEvent.EndsAt));
        lines.Add("BEGIN:VEVENT");
        lines.Add($"UID:{pactEvent.Id:D}@cfit-portal");
        lines.Add("DTSTAMP:" + now.UtcDateTime.ToString(LocalFormat, CultureInfo.InvariantCulture) + "Z");
        lines.Add($"DTSTART;TZID={pactEvent.TimeZoneId}:{Local(pactEvent.StartsAt, zone)}");
        lines.Add($"DTEND;TZID={pactEvent.TimeZoneId}:{Local(pactEvent.EndsAt, zone)}");
        lines.Add("SUMMARY:" + Escape(pactEvent.Title));
        lines.Add(
            "DESCRIPTION:" + Escape(pactEvent.Description + (pactEvent.OnlineLink is null ? string.Empty : "\n\n" + pactEvent.OnlineLink)));
        var location = pactEvent.Place ?? pactEvent.OnlineLink;
        if (location is not null)
        {
            lines.Add("LOCATION:" + Escape(location));
        }

        lines.Add("URL:" + eventAddress.AbsoluteUri);
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }

        return text.ToString();
    }

    private static IEnumerable<string> TimeZone(TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        yield return "BEGIN:VTIMEZONE";
        yield return "TZID:" + zone.Id;
        var from = new DateTimeOffset(start.UtcDateTime.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var until = new DateTimeOffset(end.UtcDateTime.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var offset = zone.GetUtcOffset(from);
        yield return "BEGIN:" + (zone.IsDaylightSavingTime(from) ? "DAYLIGHT" : "STANDARD");
        yield return "DTSTART:19700101T000000";
        yield return "TZOFFSETFROM:" + Offset(offset);
        yield return "TZOFFSETTO:" + Offset(offset);
        yield return "END:" + (zone.IsDaylightSavingTime(from) ? "DAYLIGHT" : "STANDARD");

        // Offsets change on the hour or half hour: scanning in quarter hours finds every change in the window.
        for (var at = from; at < until; at = at.AddMinutes(15))
        {
            var next = at.AddMinutes(15);
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset == offset)
            {
                continue;
            }

            var kind = zone.IsDaylightSavingTime(next) ? "DAYLIGHT" : "STANDARD";
            yield return "BEGIN:" + kind;
            yield return "DTSTART:" + (next.UtcDateTime + offset).ToString(LocalFormat, CultureInfo.InvariantCulture);
            yield return "TZOFFSETFROM:" + Offset(offset);
            yield return "TZOFFSETTO:" + Offset(nextOffset);
            yield return "END:" + kind;
            offset = nextOffset;
        }

        yield return "END:VTIMEZONE";
    }

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).DateTime.ToString(LocalFormat, CultureInfo.InvariantCulture);

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1), never inside a character.</summary>
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                text.Append("\r\n ");
                octets = 1;
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}
