using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Infrastructure.Mail;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Notifications;

/// <summary>
/// Tells people about something in the portal. Any feature calls it after its own change is saved; the publisher
/// respects each recipient's choices (kinds turned off, mail immediately, in a weekly digest, or never).
/// </summary>
public interface INotificationPublisher
{
    /// <summary>
    /// Stores one notification per recipient (except those who turned <paramref name="kind"/> off) and mails those who chose immediate
    /// mail.
    /// </summary>
    /// <param name="recipients">User ids; duplicates are ignored. Callers decide who may know about the subject.</param>
    /// <param name="kind">What it is about; people can turn each kind off.</param>
    /// <param name="title">
    /// One line in plain text, e.g. "{0} replied to “{1}”" with "Joost Bakker" and "Battery clauses": an English format that is
    /// the key of the outgoing texts, written in each recipient's language when the notification is made.
    /// </param>
    /// <param name="link">The portal address to open, starting with '/', e.g. "/discussions/threads/…".</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The recipients who were mailed at once, so a feature that mails them anyway can leave them out.</returns>
    Task<IReadOnlySet<Guid>> PublishAsync(
        IEnumerable<Guid> recipients,
        NotificationKind kind,
        OutgoingText title,
        string link,
        CancellationToken cancellationToken = default);
}

public static class NotificationPublisherExtensions
{
    /// <summary>Publishes to the recipients except <paramref name="actor"/>: nobody is told about their own action.</summary>
    public static Task<IReadOnlySet<Guid>> PublishAsync(
        this INotificationPublisher publisher,
        ClaimsPrincipal actor,
        IEnumerable<Guid> recipients,
        NotificationKind kind,
        OutgoingText title,
        string link,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(actor);
        var actorId = actor.UserId();
        return publisher.PublishAsync(recipients.Where(id => id != actorId), kind, title, link, cancellationToken);
    }
}

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the digest service looks for digests that are due.</summary>
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromHours(1);
}

internal sealed class NotificationPublisher(
    IDbContextFactory<PortalDbContext> contextFactory,
    NotificationMailSender mail,
    TimeProvider clock) : INotificationPublisher
{
    public async Task<IReadOnlySet<Guid>> PublishAsync(
        IEnumerable<Guid> recipients,
        NotificationKind kind,
        OutgoingText title,
        string link,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(title);
        var userIds = recipients.Distinct().ToList();
        var mailed = new HashSet<Guid>();
        if (userIds.Count == 0)
        {
            return mailed;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var preferences = await db.NotificationPreferences.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, cancellationToken);
        var people = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.PreferredCulture })
            .ToDictionaryAsync(
                u => u.Id,
                u => new { u.Email, Culture = PortalCultures.TextCulture(u.PreferredCulture) },
                cancellationToken);
        var now = clock.GetUtcNow();
        var created = userIds
            .Where(id => people.ContainsKey(id)
                && (!preferences.TryGetValue(id, out var preference) || !preference.MutedKinds.Contains(kind)))
            .Select(id => new Notification(id, kind, title.In(people[id].Culture), link, now))
            .ToList();
        db.Notifications.AddRange(created);
        await db.SaveChangesAsync(cancellationToken);

        var immediate = created
            .Where(n => (preferences.GetValueOrDefault(n.RecipientUserId)?.MailMode
                ?? NotificationPreference.DefaultMailMode) == NotificationMailMode.Immediate)
            .ToList();
        foreach (var notification in immediate)
        {
            var person = people[notification.RecipientUserId];
            if (person.Email is not null
                && await mail.TrySendAsync(person.Email, person.Culture, notification.Title, [notification], cancellationToken))
            {
                notification.MarkMailed(now);
                mailed.Add(notification.RecipientUserId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return mailed;
    }
}

/// <summary>Composes and sends notification mail; a failed delivery is logged and never undoes the change that caused it.</summary>
public sealed class NotificationMailSender(IMailSender sender, PortalAddress portalAddress, ILogger<NotificationMailSender> logger)
{
    internal async Task<bool> TrySendAsync(
        string to,
        CultureInfo culture,
        string subject,
        IReadOnlyList<Notification> notifications,
        CancellationToken cancellationToken)
    {
        var portal = portalAddress.ForLinks;
        var parts = new List<MailPart>();
        foreach (var notification in notifications)
        {
            parts.Add(MailPart.LinkedAsWritten(notification.Title, new Uri(portal, notification.Link.TrimStart('/')).ToString()));
        }

        parts.Add(MailPart.Linked("Choose how you receive these mails", new Uri(portal, "notifications/settings").ToString()));
        try
        {
            await sender.SendAsync(PortalMails.Compose(to, culture, OutgoingText.AsWritten(subject), [.. parts]), cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is IOException
            or InvalidOperationException
            or MailKit.CommandException
            or MailKit.ProtocolException
            or System.Net.Sockets.SocketException)
        {
            logger.LogWarning(exception, "Notification mail {Subject} could not be sent", subject);
            return false;
        }
    }
}
