using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Discussions;
using CircularIctPact.Domain.Notifications;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace CircularIctPact.Web.Features.Discussions;

/// <summary>
/// Discussion spaces, threads and replies. Every call works out the caller's <see cref="DiscussionScope"/> first; a space
/// the caller may not see answers "not found", so its existence is not revealed either.
/// </summary>
public sealed class DiscussionBoard(
    IDbContextFactory<PortalDbContext> contextFactory,
    INotificationPublisher notifications,
    AuditTrail audit,
    TimeProvider clock)
{
    public const int ThreadsPerPage = 20;
    public const int MaxSearchHits = 50;
    public const string PactWideName = "Whole pact";
    private const string Entity = "DiscussionThread";

    /// <summary>The spaces the caller takes part in, with their latest activity.</summary>
    public async Task<IReadOnlyList<SpaceSummary>> SpacesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        var spaces = await VisibleSpacesAsync(db, scope, cancellationToken);
        var keys = spaces.Keys.ToList();
        var activity = await db.DiscussionThreads.AsNoTracking()
            .Where(t => keys.Contains(t.SpaceKey) && t.RemovedAt == null)
            .GroupBy(t => t.SpaceKey)
            .Select(g => new
            {
                Key = g.Key,
                Count = g.Count(),
                Latest = g.OrderByDescending(t => t.LastActivityAt).Select(t => new { t.Id, t.Title, t.LastActivityAt }).First(),
            })
            .ToDictionaryAsync(a => a.Key, cancellationToken);
        return [.. spaces.Select(space =>
            {
                var found = activity.GetValueOrDefault(space.Key);
                return new SpaceSummary(
                    space.Key,
                    space.Value.Kind,
                    space.Value.Name,
                    found?.Count ?? 0,
                    found?.Latest.LastActivityAt,
                    found?.Latest.Title,
                    found?.Latest.Id);
            })
            .OrderBy(s => s.Kind).ThenBy(s => s.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>One page of a space's threads, most recently active first.</summary>
    public async Task<SpacePage> SpaceAsync(
        ClaimsPrincipal user,
        string spaceKey,
        int page = 1,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        var key = VisibleKey(scope, spaceKey);
        var keyText = key.ToString();
        var total = await db.DiscussionThreads.CountAsync(t => t.SpaceKey == keyText, cancellationToken);
        var pageCount = Math.Max(1, (total + ThreadsPerPage - 1) / ThreadsPerPage);
        page = Math.Clamp(page, 1, pageCount);
        var threads = await db.DiscussionThreads.AsNoTracking()
            .Where(t => t.SpaceKey == keyText)
            .OrderByDescending(t => t.LastActivityAt)
            .Skip((page - 1) * ThreadsPerPage).Take(ThreadsPerPage)
            .Select(t => new ThreadSummary(
                t.Id,
                t.RemovedAt == null ? t.Title : string.Empty,
                db.Users.Where(u => u.Id == t.AuthorUserId).Select(u => u.DisplayName).First(),
                t.CreatedAt,
                t.LastActivityAt,
                db.DiscussionReplies.Count(r => r.ThreadId == t.Id && r.RemovedAt == null),
                t.SolutionReplyId != null,
                t.IsLocked,
                t.RemovedAt != null,
                t.Tags))
            .ToListAsync(cancellationToken);
        return new SpacePage(
            keyText,
            key.Kind,
            await SpaceNameAsync(db, key, cancellationToken),
            scope.CanModerate(key),
            threads,
            total,
            page,
            pageCount);
    }

    public async Task<Guid> StartThreadAsync(
        ClaimsPrincipal user,
        string spaceKey,
        string title,
        string body,
        IEnumerable<string>? tags,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        var key = VisibleKey(scope, spaceKey);
        var thread = new DiscussionThread(key, scope.UserId, title, body, tags, clock.GetUtcNow());
        db.DiscussionThreads.Add(thread);
        audit.Record(db, user, Entity, thread.Id, BuyerGroupOf(key), "Started", $"Thread “{thread.Title}” started", null, null);
        await db.SaveChangesAsync(cancellationToken);
        await NotifyMentionsAsync(db, key, scope, thread.Title
            + "\n"
            + thread.Body, thread.Title, $"/discussions/threads/{thread.Id}", [], cancellationToken);
        return thread.Id;
    }

    public async Task<ThreadView> ThreadAsync(ClaimsPrincipal user, Guid threadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        var (thread, key) = await VisibleThreadAsync(db, scope, threadId, tracked: false, cancellationToken);
        var replies = await db.DiscussionReplies.AsNoTracking()
            .Where(r => r.ThreadId == threadId)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { Reply = r, Author = db.Users.Where(u => u.Id == r.AuthorUserId).Select(u => u.DisplayName).First() })
            .ToListAsync(cancellationToken);
        var threadAuthor = await db.Users.Where(u => u.Id == thread.AuthorUserId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        var moderator = scope.CanModerate(key);
        var isAuthor = thread.AuthorUserId == scope.UserId;
        var opening = Post(
            thread.Id,
            thread.AuthorUserId,
            threadAuthor,
            thread.Body,
            thread.CreatedAt,
            thread.EditedAt,
            thread.IsRemoved,
            thread.Version,
            scope,
            moderator);
        return new ThreadView(
            thread.Id,
            thread.SpaceKey,
            await SpaceNameAsync(db, key, cancellationToken),
            thread.IsRemoved ? string.Empty : thread.Title,
            thread.Tags,
            opening,
            [.. replies.Select(r => Post(
                r.Reply.Id,
                r.Reply.AuthorUserId,
                r.Author,
                r.Reply.Body,
                r.Reply.CreatedAt,
                r.Reply.EditedAt,
                r.Reply.IsRemoved,
                r.Reply.Version,
                scope,
                moderator))],
            thread.SolutionReplyId,
            thread.IsLocked,
            !thread.IsLocked && !thread.IsRemoved,
            moderator,
            !thread.IsRemoved && (isAuthor || moderator));
    }

    public async Task<Guid> ReplyAsync(ClaimsPrincipal user, Guid threadId, string body, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        var (thread, key) = await VisibleThreadAsync(db, scope, threadId, tracked: false, cancellationToken);
        var now = clock.GetUtcNow();
        var reply = thread.Reply(scope.UserId, body, now);
        db.DiscussionReplies.Add(reply);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.DiscussionThreads
                .Where(t => t.Id == threadId)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastActivityAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        var link = $"/discussions/threads/{thread.Id}#reply-{reply.Id}";
        var mentioned = await NotifyMentionsAsync(db, key, scope, reply.Body, thread.Title, link, [], cancellationToken);
        if (thread.AuthorUserId != scope.UserId && !mentioned.Contains(thread.AuthorUserId)
            && (await DiscussionAudience.ForUserAsync(db, thread.AuthorUserId, cancellationToken))?.CanSee(key) == true)
        {
            await notifications.PublishAsync(
                [thread.AuthorUserId],
                NotificationKind.DiscussionReply,
                new OutgoingText("{0} replied to “{1}”", scope.DisplayName, thread.Title),
                link,
                cancellationToken);
        }

        return reply.Id;
    }

    /// <summary>
    /// The author changes the opening post; <paramref name="loadedVersion"/> makes a save over someone else's change fail.
    /// </summary>
    public async Task EditThreadAsync(
        ClaimsPrincipal user,
        Guid threadId,
        uint loadedVersion,
        string title,
        string body,
        IEnumerable<string>? tags,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        var (thread, key) = await VisibleThreadAsync(db, scope, threadId, tracked: true, cancellationToken);
        if (thread.AuthorUserId != scope.UserId)
        {
            throw new ForbiddenException("Only the author can edit a post.");
        }

        db.Entry(thread).ExpectVersion(loadedVersion);
        thread.Edit(title, body, tags, clock.GetUtcNow());
        audit.Record(db, user, Entity, thread.Id, BuyerGroupOf(key), "Edited", $"Thread “{thread.Title}” edited", null, null);
        await db.SaveOrConflictAsync(async () => await CurrentTextAsync(threadId, null, cancellationToken), cancellationToken);
    }

    public async Task EditReplyAsync(
        ClaimsPrincipal user,
        Guid replyId,
        uint loadedVersion,
        string body,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        var reply = await db.DiscussionReplies.SingleOrDefaultAsync(r => r.Id == replyId, cancellationToken)
            ?? throw new NotFoundException("There is no such thread, or it is not open to you.");
        var (thread, key) = await VisibleThreadAsync(db, scope, reply.ThreadId, tracked: false, cancellationToken);
        if (reply.AuthorUserId != scope.UserId)
        {
            throw new ForbiddenException("Only the author can edit a post.");
        }

        db.Entry(reply).ExpectVersion(loadedVersion);
        reply.Edit(body, clock.GetUtcNow());
        audit.Record(db, user, Entity, thread.Id, BuyerGroupOf(key), "Reply edited", $"Reply in “{thread.Title}” edited", null, null);
        await db.SaveOrConflictAsync(async () => await CurrentTextAsync(null, replyId, cancellationToken), cancellationToken);
    }

    /// <summary>The author or a moderator removes the thread; it stays listed as removed.</summary>
    public async Task RemoveThreadAsync(ClaimsPrincipal user, Guid threadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        var (thread, key) = await VisibleThreadAsync(db, scope, threadId, tracked: true, cancellationToken);
        EnsureAuthorOrModerator(
            scope, key, thread.AuthorUserId, new RuleViolation(null, "Only the author or a moderator can remove a post."));
        thread.Remove(clock.GetUtcNow());
        audit.Record(db, user, Entity, thread.Id, BuyerGroupOf(key), "Removed", $"Thread “{thread.Title}” removed", null, null);
        await db.SaveOrConflictAsync(cancellationToken);
    }

    public async Task RemoveReplyAsync(ClaimsPrincipal user, Guid replyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        var reply = await db.DiscussionReplies.SingleOrDefaultAsync(r => r.Id == replyId, cancellationToken)
            ?? throw new NotFoundException("There is no such thread, or it is not open to you.");
        var (thread, key) = await VisibleThreadAsync(db, scope, reply.ThreadId, tracked: true, cancellationToken);
        EnsureAuthorOrModerator(
            scope, key, reply.AuthorUserId, new RuleViolation(null, "Only the author or a moderator can remove a post."));
        reply.Remove(thread, clock.GetUtcNow());
        audit.Record(db, user, Entity, thread.Id, BuyerGroupOf(key), "Reply removed", $"Reply in “{thread.Title}” removed", null, null);
        await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>The thread's author or a moderator marks a reply as the answer; its author is told.</summary>
    public async Task MarkSolutionAsync(ClaimsPrincipal user, Guid threadId, Guid replyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        var (thread, key) = await VisibleThreadAsync(db, scope, threadId, tracked: true, cancellationToken);
        EnsureAuthorOrModerator(
            scope, key, thread.AuthorUserId, new RuleViolation(null, "Only the thread's author or a moderator can mark the solution."));
        var reply = await db.DiscussionReplies.AsNoTracking().SingleOrDefaultAsync(r => r.Id == replyId, cancellationToken)
            ?? throw new NotFoundException("This reply does not exist.");
        thread.MarkSolution(reply);
        audit.Record(db, user, Entity, thread.Id, BuyerGroupOf(key), "Solution marked", $"A reply in “{thread.Title}” marked as the "
            + "solution", null, new { ReplyId = reply.Id });
        await db.SaveOrConflictAsync(cancellationToken);
        if (reply.AuthorUserId != scope.UserId)
        {
            await notifications.PublishAsync(
                [reply.AuthorUserId],
                NotificationKind.DiscussionSolution,
                new OutgoingText("Your reply to “{0}” was marked as the solution", thread.Title),
                $"/discussions/threads/{thread.Id}#reply-{reply.Id}",
                cancellationToken);
        }
    }

    /// <summary>A moderator closes the thread to new replies, or opens it again.</summary>
    public async Task SetLockedAsync(ClaimsPrincipal user, Guid threadId, bool locked, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        var (thread, key) = await VisibleThreadAsync(db, scope, threadId, tracked: true, cancellationToken);
        if (!scope.CanModerate(key))
        {
            throw new ForbiddenException("Only a moderator of this space can lock a thread.");
        }

        if (locked)
        {
            thread.Lock();
        }
        else
        {
            thread.Unlock();
        }

        audit.Record(
            db,
            user,
            Entity,
            thread.Id,
            BuyerGroupOf(key),
            locked ? "Locked" : "Unlocked",
            $"Thread “{thread.Title}” {(locked ? "locked" : "unlocked")}",
            null,
            null);
        await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>Full-text search over threads and replies, only in the spaces the caller can see; newest first.</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        ClaimsPrincipal user,
        string text,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text) || user.UserId() is null)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        var spaces = await VisibleSpacesAsync(db, scope, cancellationToken);
        var keys = spaces.Keys.ToList();
        var query = text.Trim();
        var threads = await db.DiscussionThreads.AsNoTracking()
            .Where(t => keys.Contains(t.SpaceKey) && t.RemovedAt == null
                && EF.Property<NpgsqlTsVector>(t, DiscussionTextSearch.SearchVector)
                    .Matches(EF.Functions.WebSearchToTsQuery(DiscussionTextSearch.Configuration, query)))
            .OrderByDescending(t => t.CreatedAt).Take(MaxSearchHits)
            .Select(t => new
            {
                t.Id,
                t.Title,
                t.SpaceKey,
                t.Body,
                At = t.CreatedAt,
                Author = db.Users
                .Where(u => u.Id == t.AuthorUserId)
                .Select(u => u.DisplayName)
                .First()
            })
            .ToListAsync(cancellationToken);
        var replies = await db.DiscussionReplies.AsNoTracking()
            .Where(r => r.RemovedAt == null
                && EF.Property<NpgsqlTsVector>(r, DiscussionTextSearch.SearchVector)
                    .Matches(EF.Functions.WebSearchToTsQuery(DiscussionTextSearch.Configuration, query)))
            .Join(
                db.DiscussionThreads.Where(t => keys.Contains(t.SpaceKey) && t.RemovedAt == null),
                r => r.ThreadId,
                t => t.Id,
                (r, t) => new { Reply = r, Thread = t })
            .OrderByDescending(x => x.Reply.CreatedAt).Take(MaxSearchHits)
            .Select(x => new
            {
                x.Thread.Id,
                x.Thread.Title,
                x.Thread.SpaceKey,
                x.Reply.Body,
                At = x.Reply.CreatedAt,
                Author = db.Users
                .Where(u => u.Id == x.Reply.AuthorUserId)
                .Select(u => u.DisplayName)
                .First()
            })
            .ToListAsync(cancellationToken);
        return [.. threads.Select(
            t => new SearchHit(t.Id, t.Title, spaces[t.SpaceKey].Name, t.Author, t.At, PostText.Snippet(t.Body), InReply: false))
            .Concat(replies.Select(
                r => new SearchHit(r.Id, r.Title, spaces[r.SpaceKey].Name, r.Author, r.At, PostText.Snippet(r.Body), InReply: true)))
            .OrderByDescending(hit => hit.At)
            .Take(MaxSearchHits)];
    }

    /// <summary>People of the space whose name or e-mail address starts with <paramref name="text"/>, to mention them.</summary>
    public async Task<IReadOnlyList<MentionCandidate>> MentionCandidatesAsync(
        ClaimsPrincipal user,
        string spaceKey,
        string? text,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        var key = VisibleKey(scope, spaceKey);
        var start = (text ?? string.Empty).Trim().TrimStart('@');
        return [.. (await DiscussionAudience.MembersAsync(db, key, cancellationToken))
            .Where(m => m.UserId != scope.UserId
                && (m.DisplayName
                    .Split(' ')
                    .Prepend(m.DisplayName)
                    .Any(word => word.StartsWith(start, StringComparison.CurrentCultureIgnoreCase))
                    || m.Email.StartsWith(start, StringComparison.OrdinalIgnoreCase)))
            .Take(10)
            .Select(m => new MentionCandidate(m.DisplayName, m.Email))];
    }

    private async Task<HashSet<Guid>> NotifyMentionsAsync(
        PortalDbContext db,
        DiscussionSpaceKey key,
        DiscussionScope author,
        string text,
        string threadTitle,
        string link,
        HashSet<Guid> alreadyTold,
        CancellationToken cancellationToken)
    {
        var mentioned = Mentions.Find(text, await DiscussionAudience.MembersAsync(db, key, cancellationToken))
            .Select(m => m.UserId)
            .Where(id => id != author.UserId && !alreadyTold.Contains(id))
            .ToHashSet();
        await notifications.PublishAsync(
            mentioned,
            NotificationKind.DiscussionMention,
            new OutgoingText("{0} mentioned you in “{1}”", author.DisplayName, threadTitle),
            link,
            cancellationToken);
        return mentioned;
    }

    private static PostView Post(
        Guid id,
        Guid authorId,
        string author,
        string body,
        DateTimeOffset createdAt,
        DateTimeOffset? editedAt,
        bool removed,
        uint version,
        DiscussionScope scope,
        bool moderator)
    {
        var own = authorId == scope.UserId;
        return new PostView(id, authorId, author, removed ? string.Empty : PostText.ToHtml(body), own && !removed
            ? body
            : null, createdAt, editedAt, removed, version, own && !removed, !removed && (own || moderator));
    }

    private async Task<object?> CurrentTextAsync(Guid? threadId, Guid? replyId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return threadId is { } id
            ? await db.DiscussionThreads.Where(t => t.Id == id).Select(t => t.Body).SingleOrDefaultAsync(cancellationToken)
            : await db.DiscussionReplies.Where(r => r.Id == replyId).Select(r => r.Body).SingleOrDefaultAsync(cancellationToken);
    }

    private static void EnsureAuthorOrModerator(DiscussionScope scope, DiscussionSpaceKey key, Guid authorId, RuleViolation message)
    {
        if (authorId != scope.UserId && !scope.CanModerate(key))
        {
            throw new ForbiddenException(message);
        }
    }

    private static Guid? BuyerGroupOf(DiscussionSpaceKey key) => key.Kind == DiscussionSpaceKind.BuyerGroup ? key.GroupId : null;

    private static async Task<DiscussionScope> ScopeAsync(PortalDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.UserId() is { } userId && await DiscussionAudience.ForUserAsync(db, userId, cancellationToken) is { } scope
            ? scope
            : throw new ForbiddenException("Sign in to take part in discussions.");

    private static DiscussionSpaceKey VisibleKey(DiscussionScope scope, string spaceKey) =>
        DiscussionSpaceKey.TryParse(spaceKey, out var key) && scope.CanSee(key.Value)
            ? key.Value
            : throw new NotFoundException("There is no such discussion space, or it is not open to you.");

    private static async Task<(DiscussionThread Thread, DiscussionSpaceKey Key)> VisibleThreadAsync(
        PortalDbContext db,
        DiscussionScope scope,
        Guid threadId,
        bool tracked,
        CancellationToken cancellationToken)
    {
        var threads = tracked ? db.DiscussionThreads : db.DiscussionThreads.AsNoTracking();
        var thread = await threads.SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        return thread is not null && DiscussionSpaceKey.TryParse(thread.SpaceKey, out var key) && scope.CanSee(key.Value)
            ? (thread, key.Value)
            : throw new NotFoundException("There is no such thread, or it is not open to you.");
    }

    private static async Task<Dictionary<string, (DiscussionSpaceKind Kind, string Name)>> VisibleSpacesAsync(
        PortalDbContext db,
        DiscussionScope scope,
        CancellationToken cancellationToken)
    {
        var buyerGroups = await db.BuyerGroups.AsNoTracking().Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        var workingGroups = await db.WorkingGroups.AsNoTracking().Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        var spaces = new Dictionary<string, (DiscussionSpaceKind, string)>(StringComparer.Ordinal);
        if (scope.CanSee(DiscussionSpaceKey.PactWide))
        {
            spaces[DiscussionSpaceKey.PactWide.ToString()] = (DiscussionSpaceKind.PactWide, PactWideName);
        }

        foreach (var group in buyerGroups.Where(g => scope.CanSee(DiscussionSpaceKey.ForBuyerGroup(g.Id))))
        {
            spaces[DiscussionSpaceKey.ForBuyerGroup(group.Id).ToString()] = (DiscussionSpaceKind.BuyerGroup, group.Name);
        }

        foreach (var group in workingGroups.Where(g => scope.CanSee(DiscussionSpaceKey.ForWorkingGroup(g.Id))))
        {
            spaces[DiscussionSpaceKey.ForWorkingGroup(group.Id).ToString()] = (DiscussionSpaceKind.WorkingGroup, group.Name);
        }

        return spaces;
    }

    private static async Task<string> SpaceNameAsync(
        PortalDbContext db,
        DiscussionSpaceKey key,
        CancellationToken cancellationToken) => key.Kind switch
        {
            DiscussionSpaceKind.BuyerGroup =>
                await db.BuyerGroups.Where(g => g.Id == key.GroupId).Select(g => g.Name).SingleOrDefaultAsync(cancellationToken)
                    ?? string.Empty,
            DiscussionSpaceKind.WorkingGroup =>
                await db.WorkingGroups.Where(g => g.Id == key.GroupId).Select(g => g.Name).SingleOrDefaultAsync(cancellationToken)
                    ?? string.Empty,
            _ => PactWideName,
        };
}
