using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Discussions;

/// <summary>The form fields that the rules of discussion threads and their replies name.</summary>
public static class DiscussionThreadFields
{
    public static readonly FormField Title = new("Title");
    public static readonly FormField Text = new("Text");
    public static readonly FormField Tags = new("Tags");
    public static readonly FormField Solution = new("Solution");
    public static readonly FormField Thread = new("Thread");
}
