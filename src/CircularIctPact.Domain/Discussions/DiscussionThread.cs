using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Discussions;

/// <summary>A question or topic opened in a discussion space, with its replies.</summary>
public sealed class DiscussionThread : Entity, IConcurrencyVersioned
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 20000;
    public const int TagMaxLength = 40;
    public const int MaxTags = 5;

    private readonly List<string> _tags = [];

    private DiscussionThread()
    {
        SpaceKey = string.Empty;
        Title = string.Empty;
        Body = string.Empty;
    }

    public DiscussionThread(
        DiscussionSpaceKey space,
        Guid authorUserId,
        string title,
        string body,
        IEnumerable<string>? tags,
        DateTimeOffset now)
    {
        SpaceKey = space.ToString();
        AuthorUserId = authorUserId;
        Title = Guard.Required(title, DiscussionThreadFields.Title, TitleMaxLength);
        Body = Guard.Required(body, DiscussionThreadFields.Text, BodyMaxLength);
        SetTags(tags);
        CreatedAt = now;
        LastActivityAt = now;
    }

    /// <summary>The <see cref="DiscussionSpaceKey"/> as text.</summary>
    public string SpaceKey { get; private set; }

    public Guid AuthorUserId { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public IReadOnlyList<string> Tags => _tags.AsReadOnly();

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastActivityAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsLocked { get; private set; }

    public Guid? SolutionReplyId { get; private set; }

    public uint Version { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    public void Edit(string title, string body, IEnumerable<string>? tags, DateTimeOffset now)
    {
        EnsureNotRemoved();
        Title = Guard.Required(title, DiscussionThreadFields.Title, TitleMaxLength);
        Body = Guard.Required(body, DiscussionThreadFields.Text, BodyMaxLength);
        SetTags(tags);
        EditedAt = now;
    }

    /// <summary>Hides the thread's text; the thread stays so links keep working and shows that it was removed.</summary>
    public void Remove(DateTimeOffset now)
    {
        EnsureNotRemoved();
        RemovedAt = now;
    }

    public void Lock() => IsLocked = true;

    public void Unlock() => IsLocked = false;

    /// <summary>
    /// A new reply; refused once the thread is locked or removed. The thread row itself is not changed, so people
    /// replying at the same moment never conflict; the caller moves <see cref="LastActivityAt"/> in the same save.
    /// </summary>
    public DiscussionReply Reply(Guid authorUserId, string body, DateTimeOffset now)
    {
        EnsureNotRemoved();
        if (IsLocked)
        {
            throw new DomainException(DiscussionThreadFields.Text, "This thread is locked; no new replies can be added.");
        }

        return new DiscussionReply(Id, authorUserId, body, now);
    }

    /// <summary>Marks one reply of this thread as the answer to it (replacing an earlier choice).</summary>
    public void MarkSolution(DiscussionReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        EnsureNotRemoved();
        if (reply.ThreadId != Id)
        {
            throw new DomainException(DiscussionThreadFields.Solution, "The reply belongs to another thread.");
        }

        if (reply.IsRemoved)
        {
            throw new DomainException(DiscussionThreadFields.Solution, "A removed reply cannot be the solution.");
        }

        SolutionReplyId = reply.Id;
    }

    public void ClearSolution() => SolutionReplyId = null;

    internal void ForgetSolution(Guid replyId)
    {
        if (SolutionReplyId == replyId)
        {
            SolutionReplyId = null;
        }
    }

    private void SetTags(IEnumerable<string>? tags)
    {
        var cleaned = (tags ?? [])
            .Select(tag => tag.Trim().TrimStart('#').ToLowerInvariant())
            .Where(tag => tag.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (cleaned.Count > MaxTags)
        {
            throw new DomainException(DiscussionThreadFields.Tags, "A thread can have at most {0} tags.", MaxTags);
        }

        if (cleaned.Any(tag => tag.Length > TagMaxLength))
        {
            throw new DomainException(DiscussionThreadFields.Tags, "A tag can be at most {0} characters.", TagMaxLength);
        }

        _tags.Clear();
        _tags.AddRange(cleaned);
    }

    private void EnsureNotRemoved()
    {
        if (IsRemoved)
        {
            throw new DomainException(DiscussionThreadFields.Thread, "This thread was removed.");
        }
    }
}

/// <summary>An answer in a thread.</summary>
public sealed class DiscussionReply : Entity, IConcurrencyVersioned
{
    private DiscussionReply()
    {
        Body = string.Empty;
    }

    internal DiscussionReply(Guid threadId, Guid authorUserId, string body, DateTimeOffset now)
    {
        ThreadId = threadId;
        AuthorUserId = authorUserId;
        Body = Guard.Required(body, DiscussionThreadFields.Text, DiscussionThread.BodyMaxLength);
        CreatedAt = now;
    }

    public Guid ThreadId { get; private set; }

    public Guid AuthorUserId { get; private set; }

    public string Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    public void Edit(string body, DateTimeOffset now)
    {
        EnsureNotRemoved();
        Body = Guard.Required(body, DiscussionThreadFields.Text, DiscussionThread.BodyMaxLength);
        EditedAt = now;
    }

    /// <summary>Hides the reply's text; when it was the solution, the thread has no solution any more.</summary>
    public void Remove(DiscussionThread thread, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(thread);
        EnsureNotRemoved();
        RemovedAt = now;
        thread.ForgetSolution(Id);
    }

    private void EnsureNotRemoved()
    {
        if (IsRemoved)
        {
            throw new DomainException(DiscussionThreadFields.Text, "This reply was removed.");
        }
    }
}
