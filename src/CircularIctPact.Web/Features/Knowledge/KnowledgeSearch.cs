using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Knowledge;
using CircularIctPact.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>
/// Full-text search over the generated search column of cases and library items, as the criteria
/// catalogue does: the words are read in the reader's language, which finds the translation into it
/// (so "reparaties" finds "reparatie" for a Dutch reader), and in each row's original language, which finds
/// the original; a tag typed as the search text matches too.
/// </summary>
internal static class KnowledgeSearch
{
    public static IQueryable<T> Search<T>(this IQueryable<T> rows, string? text, CriteriaLanguage reader)
        where T : class, ISearchableKnowledge
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return rows;
        }

        var query = text.Trim();
        var tag = KnowledgeTags.Normalise(query);
        var readerConfiguration = CriteriaTextSearch.ConfigurationFor(reader);
        return rows.Where(r => r.Tags.Contains(tag)
            || EF.Property<NpgsqlTsVector>(r, KnowledgeTextSearch.SearchVector)
                .Matches(EF.Functions.WebSearchToTsQuery(readerConfiguration, query))
            || (r.Language == CriteriaLanguage.En && EF.Property<NpgsqlTsVector>(r, KnowledgeTextSearch.SearchVector)
                .Matches(EF.Functions.WebSearchToTsQuery("english", query)))
            || (r.Language == CriteriaLanguage.Nl && EF.Property<NpgsqlTsVector>(r, KnowledgeTextSearch.SearchVector)
                .Matches(EF.Functions.WebSearchToTsQuery("dutch", query)))
            || (r.Language == CriteriaLanguage.Fr && EF.Property<NpgsqlTsVector>(r, KnowledgeTextSearch.SearchVector)
                .Matches(EF.Functions.WebSearchToTsQuery("french", query)))
            || (r.Language == CriteriaLanguage.De && EF.Property<NpgsqlTsVector>(r, KnowledgeTextSearch.SearchVector)
                .Matches(EF.Functions.WebSearchToTsQuery("german", query))));
    }
}
