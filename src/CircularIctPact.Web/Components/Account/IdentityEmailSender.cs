using System.Text.Encodings.Web;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;

namespace CircularIctPact.Web.Components.Account;

/// <summary>Sends Identity's account mails (confirmation, password reset) through the portal's mail sender.</summary>
internal sealed class IdentityEmailSender(IMailSender mail) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(
            email,
            "Confirm your e-mail address",
            "Please confirm your e-mail address for the Circular & Fair ICT Pact portal",
            confirmationLink,
            "Confirm my address");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(
            email,
            "Reset your password",
            "Someone asked to reset the password of your Circular & Fair ICT Pact portal account. If it was you, choose a new password",
            resetLink,
            "Choose a new password");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        mail.SendAsync(new PortalMail(
            email,
            "Your password reset code",
            $"<p>Your password reset code is <strong>{HtmlEncoder.Default.Encode(resetCode)}</strong>.</p>",
            $"Your password reset code is {resetCode}."));

    // Identity hands over links already HTML-encoded.
    private Task SendAsync(string email, string subject, string intro, string encodedLink, string action) =>
        mail.SendAsync(new PortalMail(
            email,
            subject,
            $"<p>{HtmlEncoder.Default.Encode(intro)}:</p><p><a href=\"{encodedLink}\">{HtmlEncoder.Default.Encode(action)}</a></p>",
            $"{intro}: {System.Net.WebUtility.HtmlDecode(encodedLink)}"));
}
