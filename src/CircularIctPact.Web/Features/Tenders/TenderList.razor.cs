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

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        try
        {
            _groups = await Directory.GroupsAsync(user);
            _productGroups = await Directory.ProductGroupsAsync();
            _canReport = (await Access.ScopeAsync(user)).OwnOrganisationId is not null;
            _page = await Directory.PageAsync(user, _query, 1);
        }
        catch (ForbiddenException error)
        {
            _error = DomainMessageText.Of(error);
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
