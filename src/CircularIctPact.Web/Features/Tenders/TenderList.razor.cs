using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CircularIctPact.Web.Features.Tenders;

/// <summary>The tenders the caller may see, with filters by group, status, product group and year, and exports.</summary>
public sealed partial class TenderList
{
    private TenderPage _page = new([], 0, 1, 1);
    private IReadOnlyList<BuyerGroupOption> _groups = [];
    private IReadOnlyList<ProductGroupOption> _productGroups = [];
    private TenderQuery _query = new();
    private string? _error;
    private bool _canReport;
    private bool _interactive;

    [Inject]
    private TenderDirectory Directory { get; set; } = default!;

    [Inject]
    private TenderAccess Access { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IEnumerable<int> Years => Enumerable.Range(DateTime.UtcNow.Year - 3, 6);

    private string ExportQuery => TendersFeature.ToQueryString(_query);

    /// <summary>The filter options and the first page as prerendering read them, so the circuit does not read them again.</summary>
    [PersistentState]
    public TenderListState? Prerendered { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (Prerendered is { } prerendered)
        {
            (_groups, _productGroups, _canReport, _page) = (prerendered.Groups, prerendered.ProductGroups, prerendered.CanReport, prerendered.FirstPage);
            return;
        }

        var user = (await AuthenticationState).User;
        try
        {
            _groups = await Directory.GroupsAsync(user);
            _productGroups = await Directory.ProductGroupsAsync();
            _canReport = (await Access.ScopeAsync(user)).OwnOrganisationId is not null;
            _page = await Directory.PageAsync(user, _query, 1);
            Prerendered = new TenderListState(_groups, _productGroups, _canReport, _page);
        }
        catch (ForbiddenException error)
        {
            _error = error.Message;
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private async Task FilterAsync(TenderQuery query)
    {
        _query = query;
        _page = await Directory.PageAsync((await AuthenticationState).User, _query, 1);
    }

    private async Task TurnPageAsync(int page) =>
        _page = await Directory.PageAsync((await AuthenticationState).User, _query, page);
}

/// <summary>What the tender list read while prerendering: the filter options, whether the caller reports tenders, and the first page.</summary>
public sealed record TenderListState(IReadOnlyList<BuyerGroupOption> Groups, IReadOnlyList<ProductGroupOption> ProductGroups, bool CanReport, TenderPage FirstPage);
