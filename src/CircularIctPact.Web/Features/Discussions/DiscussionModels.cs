using CircularIctPact.Domain.Discussions;

namespace CircularIctPact.Web.Features.Discussions;

public sealed record SpaceSummary(
    string Key,
    DiscussionSpaceKind Kind,
    string Name,
    int ThreadCount,
    DateTimeOffset? LastActivityAt,
    string? LatestThreadTitle,
    Guid? LatestThreadId);

public sealed record ThreadSummary(
    Guid Id,
    string Title,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    int ReplyCount,
    bool HasSolution,
    bool IsLocked,
    bool IsRemoved,
    IReadOnlyList<string> Tags);

public sealed record SpacePage(
    string Key,
    DiscussionSpaceKind Kind,
    string Name,
    bool CanModerate,
    IReadOnlyList<ThreadSummary> Threads,
    int TotalThreads,
    int Page,
    int PageCount);

public sealed record PostView(
    Guid Id,
    Guid AuthorId,
    string Author,
    string Html,
    string? Text,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool IsRemoved,
    uint Version,
    bool CanEdit,
    bool CanRemove);

public sealed record ThreadView(
    Guid Id,
    string SpaceKey,
    string SpaceName,
    string Title,
    IReadOnlyList<string> Tags,
    PostView Opening,
    IReadOnlyList<PostView> Replies,
    Guid? SolutionReplyId,
    bool IsLocked,
    bool CanReply,
    bool CanModerate,
    bool CanMarkSolution);

public sealed record SearchHit(
    Guid ThreadId,
    string ThreadTitle,
    string SpaceName,
    string Author,
    DateTimeOffset At,
    string Snippet,
    bool InReply);

public sealed record MentionCandidate(string Name, string Email)
{
    public override string ToString() => Name;
}
