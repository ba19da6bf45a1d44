using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>A product group as listed in the catalogue and the API.</summary>
public sealed record ProductGroupSummary(string Slug, string Name, bool NameIsFallback, string? LatestPublishedVersion)
{
    /// <summary>Named in the reader's language where it has a name in it, else in English, else by its address name.</summary>
    public static ProductGroupSummary Named(string slug, string? name, string? englishName, string? latestPublishedVersion) =>
        new(slug, name ?? englishName ?? slug, name is null, latestPublishedVersion);
}

/// <summary>One version of a product group's criteria set.</summary>
public sealed record CriteriaSetSummary(Guid Id, string Version, CriteriaSetStatus Status, DateOnly? PublishedOn, int CriteriaCount);

/// <summary>What the catalogue is asked for; every part is optional except the product group.</summary>
public sealed record CatalogueQuery(
    string ProductGroup,
    string? Version = null,
    CriteriaLanguage Language = CriteriaLanguage.En,
    CriterionTheme? Theme = null,
    AmbitionLevel? AmbitionLevel = null,
    CriterionType? Type = null,
    string? Text = null);

/// <summary>One criterion in one language; <see cref="IsFallback"/> when the English source is shown for a missing translation.</summary>
public sealed record CriterionView(
    Guid Id,
    string Code,
    CriterionTheme Theme,
    AmbitionLevel AmbitionLevel,
    CriterionType Type,
    PactStrategy Strategy,
    string? References,
    CriteriaLanguage Language,
    bool IsFallback,
    CriterionContent Content);

/// <summary>A criteria set version in one language, with the criteria that match the query.</summary>
public sealed record CatalogueView(
    ProductGroupSummary ProductGroup,
    IReadOnlyList<CriteriaSetSummary> Versions,
    CriteriaSetSummary Set,
    CriteriaLanguage Language,
    string? ReleaseNotes,
    bool ReleaseNotesAreFallback,
    IReadOnlyList<CriterionView> Criteria)
{
    public string Version => Set.Version;
}

/// <summary>A criterion's page: its text, the version it belongs to, and the other versions that have the same code.</summary>
public sealed record CriterionPageView(
    ProductGroupSummary ProductGroup,
    CriteriaSetSummary Set,
    CriterionView Criterion,
    IReadOnlyList<CriteriaLanguage> TranslatedInto,
    IReadOnlyList<string> OtherVersions);
