namespace CircularIctPact.Infrastructure.Persistence;

/// <summary>The full-text search columns of discussion threads and replies.</summary>
public static class DiscussionTextSearch
{
    /// <summary>Shadow property (a generated, stored tsvector column) on threads and replies.</summary>
    public const string SearchVector = "SearchVector";

    /// <summary>Posts are written in any of the pact's languages, so words are matched as written, without stemming.</summary>
    public const string Configuration = "simple";
}
