using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CircularIctPact.Infrastructure.Mail;

/// <summary>Delivers mail over SMTP with MailKit.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(PortalMail mail, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(
            settings.SmtpHost ?? throw new InvalidOperationException("Mail:SmtpHost is not set."),
            settings.SmtpPort,
            settings.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None,
            cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(MimeMessages.Build(settings.From, mail), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Mail {Subject} sent over SMTP", mail.Subject);
    }
}

/// <summary>Writes each mail as an .eml file that any mail program opens; for development and tests.</summary>
public sealed class FileDropMailSender(IOptions<MailOptions> options, TimeProvider clock, ILogger<FileDropMailSender> logger) : IMailSender
{
    public async Task SendAsync(PortalMail mail, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(options.Value.DropFolder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        await MimeMessages.Build(options.Value.From, mail).WriteToAsync(path, cancellationToken);
        logger.LogInformation("Mail {Subject} written to {Path}", mail.Subject, path);
    }
}

internal static class MimeMessages
{
    public static MimeMessage Build(string from, PortalMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { HtmlBody = mail.HtmlBody, TextBody = mail.TextBody }.ToMessageBody();
        return message;
    }
}
