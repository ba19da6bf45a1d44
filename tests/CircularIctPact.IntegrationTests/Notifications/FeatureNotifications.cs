using System.Security.Claims;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.IntegrationTests.Discussions;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Notifications;
using MimeKit;

namespace CircularIctPact.IntegrationTests.Notifications;

/// <summary>The feature notification tests share one portal: each test makes its own people, groups and records.</summary>
[CollectionDefinition(Name)]
public sealed class FeatureNotificationsCollection : ICollectionFixture<PortalFactory>
{
    public const string Name = "Feature notifications";
}

/// <summary>People with chosen notification settings, and what reached them in the portal and in the mail drop.</summary>
internal static class FeatureNotifications
{
    /// <summary>
    /// A new account with a role, optionally working for a member organisation and taking part in a working group, with these mail and kind
    /// choices.
    /// </summary>
    public static async Task<ClaimsPrincipal> PersonAsync(
        this PortalFactory portal,
        string name,
        string role,
        string? organisation,
        string? workingGroup,
        NotificationMailMode mailMode,
        params NotificationKind[] muted)
    {
        var person = await portal.PersonAsync(name, role, organisation, workingGroup);
        await portal.WithServiceAsync<NotificationInbox, uint>(i => i.SaveSettingsAsync(person, 0, mailMode, muted));
        return person;
    }

    /// <summary>
    /// The one notification of <paramref name="kind"/> leading to <paramref name="link"/> in the person's list; fails unless there is
    /// exactly one.
    /// </summary>
    public static async Task<NotificationView> ToldAsync(
        this PortalFactory portal,
        ClaimsPrincipal person,
        NotificationKind kind,
        string link) =>
        Assert.Single(await portal.AboutAsync(person, link), n => n.Kind == kind);

    /// <summary>Fails when the person has any notification leading to <paramref name="link"/>.</summary>
    public static async Task NotToldAsync(this PortalFactory portal, ClaimsPrincipal person, string link) =>
        Assert.Empty(await portal.AboutAsync(person, link));

    /// <summary>The mails in the drop to this person whose subject is <paramref name="subject"/>.</summary>
    public static IReadOnlyList<MimeMessage> MailsAbout(this PortalFactory portal, ClaimsPrincipal person, string subject) =>
        [.. portal.To(Email(person)).Where(m => m.Subject == subject)];

    /// <summary>Fails unless the person got exactly one mail for the notification, linking to its page.</summary>
    public static void AssertMailed(this PortalFactory portal, ClaimsPrincipal person, NotificationView notification)
    {
        var mail = Assert.Single(portal.MailsAbout(person, notification.Title));
        Assert.Contains(notification.Link, mail.TextBody, StringComparison.Ordinal);
    }

    /// <summary>The person's notification list as the inbox shows it.</summary>
    public static Task<IReadOnlyList<NotificationView>> InboxAsync(this PortalFactory portal, ClaimsPrincipal person) =>
        portal.WithServiceAsync<NotificationInbox, IReadOnlyList<NotificationView>>(i => i.ListAsync(person));

    public static string Email(ClaimsPrincipal person) => person.FindFirstValue(ClaimTypes.Email) ?? person.Identity!.Name!;

    private static async Task<List<NotificationView>> AboutAsync(this PortalFactory portal, ClaimsPrincipal person, string link) =>
        [.. (await portal.InboxAsync(person)).Where(n => n.Link == link)];
}
