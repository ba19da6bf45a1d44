namespace CircularIctPact.Infrastructure.Persistence;

/// <summary>The full-text search columns of good-practice cases and library items.</summary>
public static class KnowledgeTextSearch
{
    /// <summary>Shadow property (a generated, stored tsvector column), stemmed in the row's own language.</summary>
    public const string SearchVector = "SearchVector";

    /// <summary>The text search configuration chosen per row from its stored language name, as for criterion texts.</summary>
    internal static string Vector(string weightedA, string weightedB)
    {
        const string configuration =
            "(CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE " +
                "'english'::regconfig END)";
        return $"setweight(to_tsvector({configuration}, {weightedA}), 'A') || setweight(to_tsvector({configuration}, {weightedB}), 'B')";
    }
}
