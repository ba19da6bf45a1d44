using System.Globalization;
using System.Net;
using System.Text;
using CircularIctPact.Infrastructure.Mail;

namespace CircularIctPact.Web.Features.Common;

/// <summary>
/// Composes every mail the portal sends, in the recipient's culture (<see cref="Hosting.PortalCultures.TextCulture"/>):
/// the portal's sentences from the resources, what people wrote as they wrote it, and every piece HTML-encoded before it
/// enters the HTML body.
/// </summary>
public static class PortalMails
{
    private const string PactName = "Circular & Fair ICT Pact";

    public static PortalMail Compose(string to, CultureInfo culture, OutgoingText subject, params MailPart[] parts)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(parts);
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<html lang=\"{culture.TwoLetterISOLanguageName}\">")
            .Append("<body style=\"font-family:sans-serif\">");
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            var words = part.WordsIn(culture);
            if (part.Link is { } link)
            {
                html.Append(
                    CultureInfo.InvariantCulture,
                    $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(words)}</a></p>");
                text.Append(words).Append(": ").AppendLine(link).AppendLine();
            }
            else
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(words).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
                text.AppendLine(words).AppendLine();
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>{WebUtility.HtmlEncode(PactName)}</p></body></html>");
        text.AppendLine(PactName);
        return new PortalMail(to, subject.In(culture), html.ToString(), text.ToString());
    }
}

/// <summary>A paragraph of a mail: a sentence of the portal, a link with the portal's words, or words a person wrote.</summary>
public sealed class MailPart
{
    private readonly OutgoingText? _sentence;
    private readonly string? _writtenByPeople;

    private MailPart(OutgoingText? sentence, string? writtenByPeople, string? link)
    {
        _sentence = sentence;
        _writtenByPeople = writtenByPeople;
        Link = link;
    }

    /// <summary>The address the paragraph links to, if it is a link.</summary>
    public string? Link { get; }

    /// <summary>A sentence of the portal: <paramref name="format"/> is the English text and resource key.</summary>
    public static MailPart Text(string format, params object?[] arguments) => new(new OutgoingText(format, arguments), null, null);

    /// <summary>A link whose words are the portal's.</summary>
    public static MailPart Linked(string format, string link) => new(new OutgoingText(format), null, link);

    /// <summary>A link whose words someone wrote or that the portal already put in the reader's language.</summary>
    public static MailPart LinkedAsWritten(string words, string link) => new(null, words, link);

    /// <summary>Words a person wrote (a decision's reason), inserted as written.</summary>
    public static MailPart AsWritten(string words) => new(null, words, null);

    internal string WordsIn(CultureInfo culture) => _sentence?.In(culture) ?? _writtenByPeople ?? string.Empty;
}
