using CircularIctPact.Domain.Notifications;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CircularIctPact.Web.Features.Notifications;

/// <summary>
/// Sends the weekly digest to each person who chose it, at most once a week however often it is called: it lists the
/// notifications not yet read in the portal nor mailed, and records when it went out.
/// </summary>
public sealed class NotificationDigests(IDbContextFactory<PortalDbContext> contextFactory, NotificationMailSender mail)
{
    /// <summary>Mails every digest that is due at <paramref name="now"/>; returns how many went out.</summary>
    public async Task<int> SendDueDigestsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var waiting = await db.Notifications
            .Where(n => n.MailedAt == null && n.ReadAt == null && n.CreatedAt <= now)
            .Select(n => n.RecipientUserId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var userId in waiting)
        {
            if (await SendDigestAsync(userId, now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendDigestAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var preference = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (preference is null)
        {
            preference = new NotificationPreference(userId);
            db.NotificationPreferences.Add(preference);
        }

        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.PreferredCulture })
            .SingleOrDefaultAsync(cancellationToken);
        if (!preference.DigestDue(now) || person?.Email is not { } email)
        {
            return false;
        }

        var notifications = await db.Notifications
            .Where(n => n.RecipientUserId == userId && n.MailedAt == null && n.ReadAt == null && n.CreatedAt <= now)
            .OrderBy(n => n.CreatedAt)
            .ToListAsync(cancellationToken);
        if (notifications.Count == 0)
        {
            return false;
        }

        var culture = PortalCultures.TextCulture(person.PreferredCulture);
        var subject = notifications.Count == 1
            ? new OutgoingText("Your weekly summary: {0} notification", notifications.Count)
            : new OutgoingText("Your weekly summary: {0} notifications", notifications.Count);
        if (!await mail.TrySendAsync(email, culture, subject.In(culture), notifications, cancellationToken))
        {
            return false;
        }

        notifications.ForEach(n => n.MarkMailed(now));
        preference.RecordDigest(now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>Runs <see cref="NotificationDigests"/> every <see cref="NotificationOptions.DigestCheckInterval"/>.</summary>
internal sealed class NotificationDigestService(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<NotificationDigestService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DigestCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider
                    .GetRequiredService<NotificationDigests>()
                    .SendDueDigestsAsync(clock.GetUtcNow(), stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Sent {Count} weekly notification digests", sent);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Sending the weekly notification digests failed; trying again at the next check");
            }
        }
    }
}
