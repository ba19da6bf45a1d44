using System.Net;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Mail;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Hosting;

namespace CircularIctPact.Web.Components.Account;

/// <summary>
/// Tells the owner of an account that password sign-in to it was throttled, in the language they chose (English when they
/// chose none: the request's language is the guesser's), through the <see cref="AccountMailQueue"/>.
/// </summary>
internal sealed class SignInThrottleMail(AccountMailQueue queue, PortalAddress portal, TimeProvider clock)
{
    public void Queue(ApplicationUser owner, ThrottleScope scope, IPAddress? client)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var address = client is null ? new OutgoingText("an unknown address") : new OutgoingText("the address {0}", client.ToString());
        var what = scope == ThrottleScope.Client
            ? MailPart.Text(
                "On {0:f} UTC the portal paused signing in to your Circular & Fair ICT Pact portal account from {1} for a while, after "
                    + "several wrong passwords from there.",
                clock.GetUtcNow(),
                address)
            : MailPart.Text(
                "On {0:f} UTC the portal paused signing in to your Circular & Fair ICT Pact portal account from new connections for a "
                    + "while, after many wrong passwords from several addresses, the last one from {1}.",
                clock.GetUtcNow(),
                address);
        queue.Queue(PortalMails.Compose(
            owner.Email!,
            PortalCultures.TextCulture(owner.PreferredCulture),
            new OutgoingText("Signing in to your account was paused"),
            what,
            MailPart.Text("If that was you, wait a little and try again, or choose a new password with “Forgot your password?” on the "
                + "sign-in page."),
            MailPart.Text("If it was not you, someone may be trying to guess your password: change it to one you use nowhere else, and "
                + "tell the pact’s secretariat."),
            MailPart.Linked("Change your password", new Uri(portal.ForLinks, "Account/Manage/ChangePassword").AbsoluteUri)));
    }
}
