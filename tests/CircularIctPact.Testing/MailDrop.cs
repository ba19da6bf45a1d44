using System.Text.RegularExpressions;
using MimeKit;

namespace CircularIctPact.Testing;

/// <summary>Reads the .eml files the portal drops into <see cref="PortalFactory.MailFolder"/>.</summary>
public static partial class MailDrop
{
    /// <summary>Every mail sent to <paramref name="recipient"/>, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> To(this PortalFactory portal, string recipient)
    {
        if (!Directory.Exists(portal.MailFolder))
        {
            return [];
        }

        return [.. Directory.GetFiles(portal.MailFolder, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .Where(message => message.To.Mailboxes.Any(mailbox => string.Equals(
                mailbox.Address, recipient, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>
    /// Every mail to <paramref name="recipient"/> once there are more than <paramref name="before"/>: account mails leave
    /// through a queue beside the request, so they may land just after its answer.
    /// </summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForMailToAsync(this PortalFactory portal, string recipient, int before = 0)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var mails = portal.To(recipient);
            if (mails.Count > before)
            {
                return mails;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), patience.Token);
        }
    }

    /// <summary>The invitation link (absolute URL) of the newest invitation mail to <paramref name="recipient"/>.</summary>
    public static string InvitationLinkFor(this PortalFactory portal, string recipient)
    {
        var mail = portal.To(recipient).LastOrDefault(m => InvitationLink().IsMatch(m.TextBody ?? string.Empty))
            ?? throw new InvalidOperationException($"No invitation mail to {recipient}.");
        return InvitationLink().Match(mail.TextBody ?? string.Empty).Value;
    }

    /// <summary>The token in an invitation link.</summary>
    public static string TokenOf(string link) =>
        Uri.UnescapeDataString(new Uri(link).Query.Split("token=", 2)[1]);

    [GeneratedRegex(@"https?://\S+/invitation/accept\?token=[A-Za-z0-9_\-%]+")]
    private static partial Regex InvitationLink();
}
