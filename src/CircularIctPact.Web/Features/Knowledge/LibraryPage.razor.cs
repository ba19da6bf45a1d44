using System.Globalization;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Domain.Knowledge.Library;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>
/// The library list: a GET form of search and filters with paging, statically rendered; signed-out visitors see public items only.
/// </summary>
public partial class LibraryPage
{
    private LibrarySearchResult _result = new([], 0, 1, 1);
    private IReadOnlyList<ProductGroupOption> _groups = [];
    private LibraryItemType? _type;
    private CriteriaLanguage? _language;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")]
    private string? Text { get; set; }

    [SupplyParameterFromQuery(Name = "type")]
    private string? Type { get; set; }

    [SupplyParameterFromQuery(Name = "lang")]
    private string? Lang { get; set; }

    [SupplyParameterFromQuery(Name = "productGroup")]
    private string? ProductGroup { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    private int? PageNumber { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _type = Enum.TryParse<LibraryItemType>(Type, out var type) ? type : null;
        _language = CriteriaLanguages.TryParse(Lang, out var language) ? language : null;
        _groups = await ProductGroups.ListAsync(HttpContext.RequestAborted);
        _result = await Library.SearchAsync(
            new LibraryQuery(Text, _type, _language, ProductGroup, PageNumber ?? 1),
            HttpContext.User,
            HttpContext.RequestAborted);
    }

    private ProductGroupOption? GroupName(Guid? id) => _groups.FirstOrDefault(g => g.Id == id);

    private string PageHref(int page) => QueryHelpers.AddQueryString("/library", new Dictionary<string, string?>
    {
        ["q"] = Text,
        ["type"] = _type?.ToString(),
        ["lang"] = _language?.Code(),
        ["productGroup"] = ProductGroup,
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(pair => !string.IsNullOrEmpty(pair.Value)));
}
