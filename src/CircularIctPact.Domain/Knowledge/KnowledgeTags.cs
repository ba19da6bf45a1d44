using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Knowledge;

/// <summary>Who may read a good-practice case or library item.</summary>
public enum KnowledgeVisibility
{
    Public,
    MembersOnly,
}

/// <summary>Free tags on knowledge content: trimmed, lower case, distinct, so filters and search match them exactly.</summary>
public static class KnowledgeTags
{
    public const int MaxTags = 12;
    public const int TagMaxLength = 40;

    public static List<string> Normalise(IEnumerable<string>? tags)
    {
        var result = new List<string>();
        foreach (var tag in tags ?? [])
        {
            var normalised = Normalise(tag);
            if (normalised.Length == 0 || result.Contains(normalised, StringComparer.Ordinal))
            {
                continue;
            }

            if (normalised.Length > TagMaxLength)
            {
                throw new DomainException(
                    KnowledgeTagFields.Tags,
                    "The tag '{0}' is longer than {1} characters.",
                    normalised,
                    TagMaxLength);
            }

            result.Add(normalised);
        }

        return result.Count > MaxTags ? throw new DomainException(KnowledgeTagFields.Tags, "Use at most {0} tags.", MaxTags) : result;
    }

    public static string Normalise(string? tag) =>
        string.Join(' ', (tag ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToLowerInvariant();

    /// <summary>Splits what a person typed ("battery, lifespan; repair") into tags.</summary>
    public static List<string> Parse(string? text) =>
        Normalise((text ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Knowledge content searched by text in its own language and by tag.</summary>
public interface ISearchableKnowledge
{
    Criteria.CriteriaLanguage Language { get; }

    List<string> Tags { get; }
}
