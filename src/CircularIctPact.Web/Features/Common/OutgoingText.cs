using System.Globalization;
using System.Resources;

namespace CircularIctPact.Web.Features.Common;

/// <summary>
/// A sentence the portal sends out of the browser (a mail, a notification, a heading in an exported file), kept as an
/// English composite format and its arguments until the reader's culture is known. The format is the key of
/// Resources/OutgoingText.{nl,fr,de}.resx, or, for a label the pages show too (a role, a criterion's theme), of the
/// shared interface texts. Arguments keep their values: a string someone wrote goes in as written, a date or number is
/// formatted in the reader's culture, and an <see cref="OutgoingText"/> argument is itself written in that culture.
/// </summary>
public sealed record OutgoingText(string Format, params object?[] Arguments)
{
    private static readonly ResourceManager Sent = new("CircularIctPact.Web.Resources.OutgoingText", typeof(OutgoingText).Assembly);

    private static readonly ResourceManager Interface = new("CircularIctPact.Web.Resources.SharedResource", typeof(OutgoingText).Assembly);

    /// <summary>The text in <paramref name="culture"/>, which is passed on and never set on the thread.</summary>
    public string In(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var format = Sent.GetString(Format, culture) ?? Interface.GetString(Format, culture) ?? Format;
        return Arguments.Length == 0
            ? format
            : string.Format(
                culture,
                format,
                [.. Arguments.Select(argument => argument is OutgoingText text ? text.In(culture) : argument)]);
    }

    /// <summary>Words already in the reader's language, or written by people, to be used as they are.</summary>
    public static OutgoingText AsWritten(string words) => new("{0}", words);

    /// <summary>A fixed text in <paramref name="culture"/>.</summary>
    public static string In(CultureInfo culture, string english) => new OutgoingText(english).In(culture);
}
