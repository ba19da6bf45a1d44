namespace CircularIctPact.Infrastructure.Mail;

/// <summary>A mail the portal sends: one recipient, a subject, and an HTML body with a plain-text alternative.</summary>
public sealed record PortalMail(string To, string Subject, string HtmlBody, string TextBody);

/// <summary>Sends the portal's mail. Development drops it into a folder; production uses SMTP.</summary>
public interface IMailSender
{
    Task SendAsync(PortalMail mail, CancellationToken cancellationToken = default);
}

public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "Circular & Fair ICT Pact <no-reply@cfit.example>";

    /// <summary>SMTP host; when empty, mail is written as .eml files to <see cref="DropFolder"/>.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public bool UseStartTls { get; set; } = true;

    public string DropFolder { get; set; } = ".data/mail";
}
