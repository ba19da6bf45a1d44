using Microsoft.AspNetCore.Components;

namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>
/// The public list of published cases: a GET form of filters, statically rendered; members signed in also see members-only cases.
/// </summary>
public partial class GoodPracticesPage
{
    private IReadOnlyList<GoodPracticeSummary> _cases = [];
    private IReadOnlyList<ProductGroupOption> _groups = [];
    private IReadOnlyList<string> _tags = [];
    private IReadOnlyList<string> _countries = [];

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")]
    private string? Text { get; set; }

    [SupplyParameterFromQuery(Name = "productGroup")]
    private string? ProductGroup { get; set; }

    [SupplyParameterFromQuery(Name = "tag")]
    private string? Tag { get; set; }

    [SupplyParameterFromQuery(Name = "country")]
    private string? Country { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = HttpContext.User;
        var cancellationToken = HttpContext.RequestAborted;
        _groups = await ProductGroups.ListAsync(cancellationToken);
        (_tags, _countries) = await Cases.FacetsAsync(user, cancellationToken);
        _cases = await Cases.SearchAsync(new GoodPracticeQuery(Text, ProductGroup, Tag, Country), user, cancellationToken);
    }

    private ProductGroupOption? GroupName(Guid? id) => _groups.FirstOrDefault(g => g.Id == id);
}
