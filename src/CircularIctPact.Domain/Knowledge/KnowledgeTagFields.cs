using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Knowledge;

/// <summary>The form fields that the rules of the tags of knowledge content name.</summary>
public static class KnowledgeTagFields
{
    public static readonly FormField Tags = new("Tags");
}
