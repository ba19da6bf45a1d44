using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Persistence.Configurations;

namespace CircularIctPact.Infrastructure.Persistence;

/// <summary>The full-text search columns of good-practice cases and library items.</summary>
public static class KnowledgeTextSearch
{
    /// <summary>
    /// Shadow property (a generated, stored tsvector column): the original text stemmed in the row's own language, and each
    /// translation stemmed in its language.
    /// </summary>
    public const string SearchVector = "SearchVector";

    /// <summary>
    /// The column's expression. <paramref name="weightedA"/> and <paramref name="weightedB"/> name each text field by its
    /// column (the original) and by its key in the translations (<see cref="TranslationsColumn"/>).
    /// </summary>
    internal static string Vector(
        IReadOnlyList<(string Column, string Key)> weightedA,
        IReadOnlyList<(string Column, string Key)> weightedB)
    {
        const string rowConfiguration =
            "(CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE " +
                "'english'::regconfig END)";
        var parts = new List<string>
        {
            Weighted(rowConfiguration, Joined(weightedA.Select(f => f.Column)), 'A'),
            Weighted(rowConfiguration, Joined(weightedB.Select(f => f.Column)), 'B'),
        };
        foreach (var language in CriteriaLanguages.All)
        {
            var configuration = $"'{CriteriaTextSearch.ConfigurationFor(language)}'::regconfig";
            var field = $"{TranslationsColumn.ColumnName}->'{language}'->>";
            parts.Add(Weighted(configuration, Joined(weightedA.Select(f => $"{field}'{f.Key}'")), 'A'));
            parts.Add(Weighted(configuration, Joined(weightedB.Select(f => $"{field}'{f.Key}'")), 'B'));
        }

        return string.Join(" || ", parts);
    }

    private static string Joined(IEnumerable<string> expressions) =>
        string.Join(" || ' ' || ", expressions.Select(expression => $"coalesce({expression}, '')"));

    private static string Weighted(string configuration, string text, char weight) =>
        $"setweight(to_tsvector({configuration}, {text}), '{weight}')";
}
