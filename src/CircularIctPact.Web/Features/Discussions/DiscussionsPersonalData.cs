using CircularIctPact.Domain.Discussions;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Discussions;

/// <summary>
/// Threads and replies stay with their text: other people's replies answer them and quote them, and a
/// discussion with holes in it helps nobody. Their author is shown as the pseudonym (the name comes from the
/// anonymised account), and the person's name and address are replaced by the pseudonym inside their own
/// posts, in "@name" mentions of them in the threads they took part in or were mentioned in, and in the
/// notifications other people received about their posts. The text of posts they had removed themselves is
/// hidden from everyone already and is erased. Mention notifications addressed to them are deleted with their
/// other notifications; this contributor must therefore run before <c>NotificationsPersonalData</c>.
/// </summary>
public sealed class DiscussionsPersonalData : IPersonalDataContributor
{
    private const string ThreadLinkPrefix = "/discussions/threads/";

    public string Section => "discussions";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        var threads = await db.DiscussionThreads.AsNoTracking()
            .Where(thread => thread.AuthorUserId == id)
            .OrderBy(thread => thread.CreatedAt)
            .Select(thread => new
            {
                thread.Id,
                Space = thread.SpaceKey,
                thread.Title,
                thread.Body,
                thread.Tags,
                thread.CreatedAt,
                thread.EditedAt,
                thread.RemovedAt,
            })
            .ToListAsync(cancellationToken);
        var replies = await db.DiscussionReplies.AsNoTracking()
            .Where(reply => reply.AuthorUserId == id)
            .Join(db.DiscussionThreads, reply => reply.ThreadId, thread => thread.Id, (reply, thread) => new
            {
                reply.Id,
                reply.ThreadId,
                Thread = thread.Title,
                reply.Body,
                reply.CreatedAt,
                reply.EditedAt,
                reply.RemovedAt,
            })
            .OrderBy(reply => reply.CreatedAt)
            .ToListAsync(cancellationToken);

        var scope = await ThreadsAboutAsync(db, subject, cancellationToken);
        var byName = subject.DisplayName.Length > 0 ? $"%@{subject.DisplayName}%" : null;
        var byEmail = $"%@{subject.Email}%";
        var mentioningThreads = await db.DiscussionThreads.AsNoTracking()
            .Where(thread => thread.AuthorUserId != id && thread.RemovedAt == null
                && (EF.Functions.ILike(thread.Title + "\n" + thread.Body, byEmail)
                    || (byName != null && scope.Contains(thread.Id) && EF.Functions.ILike(thread.Title + "\n" + thread.Body, byName))))
            .Select(thread => new { ThreadId = thread.Id, Thread = thread.Title, Text = thread.Body, thread.CreatedAt })
            .ToListAsync(cancellationToken);
        var mentioningReplies = await db.DiscussionReplies.AsNoTracking()
            .Where(reply => reply.AuthorUserId != id && reply.RemovedAt == null
                && (EF.Functions.ILike(reply.Body, byEmail)
                    || (byName != null && scope.Contains(reply.ThreadId) && EF.Functions.ILike(reply.Body, byName))))
            .Join(
                db.DiscussionThreads,
                reply => reply.ThreadId,
                thread => thread.Id,
                (reply, thread) => new { ThreadId = thread.Id, Thread = thread.Title, Text = reply.Body, reply.CreatedAt })
            .ToListAsync(cancellationToken);

        return new
        {
            ThreadsYouStarted = threads,
            RepliesYouWrote = replies,
            PostsMentioningYou = mentioningThreads.Concat(mentioningReplies).OrderBy(post => post.CreatedAt),
        };
    }

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        var (name, email, lowerEmail, pseudonym) = (subject.DisplayName, subject.Email, subject.LowerCaseEmail, subject.Pseudonym);

        var scope = await ThreadsAboutAsync(db, subject, cancellationToken);
        var (nameHandle, emailHandle, lowerEmailHandle, pseudonymHandle) = ("@" + name, "@" + email, "@" + lowerEmail, "@" + pseudonym);
        if (name.Length > 0)
        {
            await db.DiscussionThreads
                .Where(thread => scope.Contains(thread.Id) && (thread.Title.Contains(nameHandle) || thread.Body.Contains(nameHandle)))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(t => t.Title, t => t.Title.Replace(nameHandle, pseudonymHandle))
                        .SetProperty(t => t.Body, t => t.Body.Replace(nameHandle, pseudonymHandle)),
                    cancellationToken);
            await db.DiscussionReplies.Where(reply => scope.Contains(reply.ThreadId) && reply.Body.Contains(nameHandle))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(r => r.Body, r => r.Body.Replace(nameHandle, pseudonymHandle)),
                    cancellationToken);
        }

        // An address is unique, so a mention by address is replaced wherever it appears.
        if (email.Length > 0)
        {
            await db.DiscussionThreads.Where(thread => thread.Title.Contains(emailHandle)
                || thread.Title.Contains(lowerEmailHandle)
                || thread.Body.Contains(emailHandle)
                || thread.Body.Contains(lowerEmailHandle))
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(
                            t => t.Title,
                            t => t.Title.Replace(emailHandle, pseudonymHandle).Replace(lowerEmailHandle, pseudonymHandle))
                        .SetProperty(
                            t => t.Body,
                            t => t.Body.Replace(emailHandle, pseudonymHandle).Replace(lowerEmailHandle, pseudonymHandle)),
                    cancellationToken);
            await db.DiscussionReplies.Where(reply => reply.Body.Contains(emailHandle) || reply.Body.Contains(lowerEmailHandle))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(
                        r => r.Body,
                        r => r.Body.Replace(emailHandle, pseudonymHandle).Replace(lowerEmailHandle, pseudonymHandle)),
                    cancellationToken);
        }

        await db.DiscussionThreads.Where(thread => thread.AuthorUserId == id && thread.RemovedAt != null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Body, string.Empty), cancellationToken);
        await db.DiscussionReplies.Where(reply => reply.AuthorUserId == id && reply.RemovedAt != null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Body, string.Empty), cancellationToken);
        await db.DiscussionThreads.Where(thread => thread.AuthorUserId == id)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(t => t.Title, subject.WithoutIdentity<DiscussionThread>(t => t.Title))
                    .SetProperty(t => t.Body, subject.WithoutIdentity<DiscussionThread>(t => t.Body)),
                cancellationToken);
        await db.DiscussionReplies.Where(reply => reply.AuthorUserId == id)
            .ExecuteUpdateAsync(
                set => set.SetProperty(r => r.Body, subject.WithoutIdentity<DiscussionReply>(r => r.Body)),
                cancellationToken);

        if (name.Length > 0)
        {
            var links = await LinksToPostsOfAsync(db, id, cancellationToken);
            await db.Notifications.Where(notification => notification.RecipientUserId != id && links.Contains(notification.Link))
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.Title, n => n.Title.Replace(name, pseudonym)), cancellationToken);
        }
    }

    /// <summary>
    /// The threads where a mention by name most likely means this person and not a namesake: those they
    /// started or replied in, and those they were told they were mentioned in.
    /// </summary>
    private static async Task<List<Guid>> ThreadsAboutAsync(
        PortalDbContext db,
        PersonalDataSubject subject,
        CancellationToken cancellationToken)
    {
        var id = subject.UserId;
        var taking = await db.DiscussionThreads.Where(thread => thread.AuthorUserId == id).Select(thread => thread.Id)
            .Union(db.DiscussionReplies.Where(reply => reply.AuthorUserId == id).Select(reply => reply.ThreadId))
            .ToListAsync(cancellationToken);
        var mentionLinks = await db.Notifications
            .Where(notification => notification.RecipientUserId == id
                && notification.Kind == NotificationKind.DiscussionMention
                && notification.Link.StartsWith(ThreadLinkPrefix))
            .Select(notification => notification.Link)
            .ToListAsync(cancellationToken);
        var mentioned = mentionLinks
            .Select(link => Guid.TryParse(
                link.AsSpan(ThreadLinkPrefix.Length, Math.Min(36, link.Length - ThreadLinkPrefix.Length)),
                out var thread)
                ? thread
                : (Guid?)null)
            .OfType<Guid>();
        return [.. taking.Union(mentioned)];
    }

    /// <summary>The links of the notifications <see cref="DiscussionBoard"/> sends about a person's threads and replies.</summary>
    private static async Task<List<string>> LinksToPostsOfAsync(PortalDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var threads = await db.DiscussionThreads
            .Where(thread => thread.AuthorUserId == userId)
            .Select(thread => thread.Id)
            .ToListAsync(cancellationToken);
        var replies = await db.DiscussionReplies
            .Where(reply => reply.AuthorUserId == userId)
            .Select(reply => new { reply.ThreadId, reply.Id })
            .ToListAsync(cancellationToken);
        return [.. threads.Select(thread => $"{ThreadLinkPrefix}{thread}"), .. replies.Select(
            reply => $"{ThreadLinkPrefix}{reply.ThreadId}#reply-{reply.Id}")];
    }
}
