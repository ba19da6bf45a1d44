using System.Security.Claims;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Notifications;

public sealed record NotificationView(Guid Id, NotificationKind Kind, string Title, string Link, DateTimeOffset CreatedAt, bool IsRead);

public sealed record NotificationSettings(
    NotificationMailMode MailMode,
    IReadOnlyList<NotificationKind> MutedKinds,
    DateTimeOffset? LastDigestSentAt,
    uint Version);

/// <summary>A signed-in person's own notifications and choices; nobody sees or changes another person's.</summary>
public sealed class NotificationInbox(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.UserId() is not { } userId)
        {
            return 0;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.RecipientUserId == userId && n.ReadAt == null, cancellationToken);
    }

    /// <summary>The newest notifications, unread ones first.</summary>
    public async Task<IReadOnlyList<NotificationView>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.RequiredUserId();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUserId == userId)
            .OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt)
            .Take(PageSize)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks one of the caller's notifications read and returns where it leads.</summary>
    public async Task<string> MarkReadAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        var userId = user.RequiredUserId();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientUserId == userId, cancellationToken)
            ?? throw new NotFoundException("This notification does not exist.");
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return notification.Link;
    }

    public async Task MarkAllReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.RequiredUserId();
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Notifications.Where(n => n.RecipientUserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    public async Task<NotificationSettings> SettingsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.RequiredUserId();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var preference = await db.NotificationPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken)
            ?? new NotificationPreference(userId);
        return new NotificationSettings(preference.MailMode, preference.MutedKinds, preference.LastDigestSentAt, preference.Version);
    }

    /// <summary>Saves the caller's choices; <paramref name="loadedVersion"/> guards against a save from another tab in between.</summary>
    public async Task<uint> SaveSettingsAsync(
        ClaimsPrincipal user,
        uint loadedVersion,
        NotificationMailMode mailMode,
        IEnumerable<NotificationKind> mutedKinds,
        CancellationToken cancellationToken = default)
    {
        var userId = user.RequiredUserId();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var preference = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (preference is null)
        {
            preference = new NotificationPreference(userId);
            db.NotificationPreferences.Add(preference);
        }
        else
        {
            db.Entry(preference).ExpectVersion(loadedVersion);
        }

        preference.Choose(mailMode, mutedKinds);
        await db.SaveOrConflictAsync(async () => await SettingsAsync(user, cancellationToken), cancellationToken);
        return preference.Version;
    }
}
