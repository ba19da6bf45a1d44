using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Infrastructure.Persistence;

/// <summary>The full-text search column of criterion texts and the PostgreSQL configuration per language.</summary>
public static class CriteriaTextSearch
{
    /// <summary>Shadow property (a generated, stored tsvector column) on <see cref="CriterionText"/>.</summary>
    public const string SearchVector = "SearchVector";

    /// <summary>The text search configuration the generated column uses for rows in <paramref name="language"/>.</summary>
    public static string ConfigurationFor(CriteriaLanguage language) => language switch
    {
        CriteriaLanguage.Nl => "dutch",
        CriteriaLanguage.Fr => "french",
        CriteriaLanguage.De => "german",
        _ => "english",
    };
}
