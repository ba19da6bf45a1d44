using System.Globalization;
using System.Net;
using System.Text;
using CircularIctPact.Infrastructure.Mail;

namespace CircularIctPact.Web.Features.Onboarding;

/// <summary>Composes the onboarding mails. Every piece of text from people is HTML-encoded before it enters the HTML body.</summary>
public static class OnboardingMail
{
    public static PortalMail Compose(string to, string subject, params MailPart[] parts)
    {
        var html = new StringBuilder("<html><body style=\"font-family:sans-serif\">");
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Link is { } link)
            {
                html.Append(
                    CultureInfo.InvariantCulture,
                    $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(part.Text)}</a></p>");
                text.Append(part.Text).Append(": ").AppendLine(link).AppendLine();
            }
            else
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(part.Text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
                text.AppendLine(part.Text).AppendLine();
            }
        }

        html.Append("<p>Circular &amp; Fair ICT Pact</p></body></html>");
        text.AppendLine("Circular & Fair ICT Pact");
        return new PortalMail(to, subject, html.ToString(), text.ToString());
    }
}

/// <summary>A paragraph of a mail, or a link when <see cref="Link"/> is set.</summary>
public sealed record MailPart(string Text, string? Link = null)
{
    public static implicit operator MailPart(string text) => new(text);

    public static MailPart FromString(string text) => new(text);
}
