using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Notifications;

/// <summary>
/// Notifications addressed to the person (mentions of them included) and their notification settings serve
/// only them and are deleted. Notifications that other people received about the person's posts are
/// handled by the feature that wrote them, which knows what they point at.
/// </summary>
public sealed class NotificationsPersonalData : IPersonalDataContributor
{
    public string Section => "notifications";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var received = await db.Notifications.AsNoTracking()
            .Where(notification => notification.RecipientUserId == subject.UserId)
            .OrderBy(notification => notification.CreatedAt)
            .Select(notification => new
            {
                notification.Kind,
                notification.Title,
                notification.Link,
                notification.CreatedAt,
                notification.ReadAt,
                notification.MailedAt,
            })
            .ToListAsync(cancellationToken);
        var preference = await db.NotificationPreferences
            .AsNoTracking()
            .SingleOrDefaultAsync(p => p.UserId == subject.UserId, cancellationToken);
        return new
        {
            Received = received,
            Settings = preference is null ? null : new { preference.MailMode, preference.MutedKinds, preference.LastDigestSentAt },
        };
    }

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        await db.Notifications.Where(notification => notification.RecipientUserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.NotificationPreferences.Where(preference => preference.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
    }
}
