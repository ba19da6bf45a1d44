using System.Globalization;
using System.Net;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Mail;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Web.Components.Account;

/// <summary>
/// Sends Identity's account mails (confirmation, password reset) through the <see cref="AccountMailQueue"/>, in the
/// account's language, or, before the person has chosen one, in the language of the page they asked from.
/// </summary>
internal sealed class IdentityEmailSender(AccountMailQueue queue) : IEmailSender<ApplicationUser>
{
    // Identity hands over links already HTML-encoded; the composer encodes what goes into the HTML body itself.
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(
            user,
            email,
            new OutgoingText("Confirm your e-mail address"),
            MailPart.Text("Please confirm your e-mail address for the Circular & Fair ICT Pact portal."),
            MailPart.Linked("Confirm my address", WebUtility.HtmlDecode(confirmationLink)));

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(
            user,
            email,
            new OutgoingText("Reset your password"),
            MailPart.Text("Someone asked to reset the password of your Circular & Fair ICT Pact portal account. If it was you, choose a "
                + "new password."),
            MailPart.Linked("Choose a new password", WebUtility.HtmlDecode(resetLink)));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync(user, email, new OutgoingText("Your password reset code"), MailPart.Text("Your password reset code is {0}.", resetCode));

    private Task SendAsync(ApplicationUser user, string email, OutgoingText subject, params MailPart[] parts)
    {
        queue.Queue(PortalMails.Compose(email, CultureOf(user), subject, parts));
        return Task.CompletedTask;
    }

    private static CultureInfo CultureOf(ApplicationUser user) =>
        PortalCultures.TextCulture(user.PreferredCulture ?? PortalCultures.Current);
}
