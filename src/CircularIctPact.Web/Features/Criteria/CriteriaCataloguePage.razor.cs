using System.Globalization;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>The public catalogue: a GET form of filters and the matching criteria grouped by theme, statically rendered.</summary>
public partial class CriteriaCataloguePage
{
    private IReadOnlyList<ProductGroupSummary> _groups = [];
    private CatalogueView? _view;
    private string? _error;
    private string _productGroup = "laptops";
    private CriteriaLanguage _language;
    private CriterionTheme? _theme;
    private AmbitionLevel? _level;
    private CriterionType? _type;
    private HashSet<Guid> _shortlisted = [];
    private int _shortlistCount;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "productGroup")]
    private string? ProductGroup { get; set; }

    [SupplyParameterFromQuery(Name = "version")]
    private string? Version { get; set; }

    [SupplyParameterFromQuery(Name = "lang")]
    private string? Lang { get; set; }

    [SupplyParameterFromQuery(Name = "theme")]
    private string? Theme { get; set; }

    [SupplyParameterFromQuery(Name = "level")]
    private string? Level { get; set; }

    [SupplyParameterFromQuery(Name = "type")]
    private string? Type { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    private string? Text { get; set; }

    private string ReturnUrl => HttpContext.Request.Path + HttpContext.Request.QueryString;

    private string? Previous => _view?.Versions
        .Where(v => CriteriaVersion.Parse(v.Version) < CriteriaVersion.Parse(_view.Version)
            && v.Status is CriteriaSetStatus.Published or CriteriaSetStatus.Superseded)
        .Select(v => v.Version)
        .FirstOrDefault();

    protected override async Task OnInitializedAsync()
    {
        _language = CriteriaLanguageChoice.From(Lang);
        _theme = Enum.TryParse<CriterionTheme>(Theme, out var theme) ? theme : null;
        _level = Enum.TryParse<AmbitionLevel>(Level, out var level) ? level : null;
        _type = Enum.TryParse<CriterionType>(Type, out var type) ? type : null;
        _groups = await Catalogue.ListProductGroupsAsync(_language, HttpContext.RequestAborted);
        _productGroup = string.IsNullOrWhiteSpace(ProductGroup)
            ? _groups.FirstOrDefault(g => g.LatestPublishedVersion is not null)?.Slug ?? "laptops"
            : ProductGroup.Trim();
        var shortlist = Shortlist.Read(HttpContext.Request);
        _shortlisted = [.. shortlist];
        _shortlistCount = shortlist.Count;
        try
        {
            _view = await Catalogue.GetAsync(
                new CatalogueQuery(_productGroup, Version, _language, _theme, _level, _type, Text),
                HttpContext.User,
                HttpContext.RequestAborted);
        }
        catch (NotFoundException notFound)
        {
            _error = DomainMessageText.Of(notFound);
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private string CriterionHref(CriterionView criterion) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"/criteria/{_view!.ProductGroup.Slug}/{_view.Version}/{criterion.Code}?lang={_language.Code()}");

    private string LevelsHref(CriterionTheme theme) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"/criteria/{_view!.ProductGroup.Slug}/{_view.Version}/themes/{theme}?lang={_language.Code()}");

    private string ChangesHref(string previous) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"/criteria/{_view!.ProductGroup.Slug}/{_view.Version}/changes?from={previous}&lang={_language.Code()}");
}
