using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Members;

/// <summary>The member grid: every search, filter, sort and page is a query to <see cref="MemberDirectory"/>.</summary>
public sealed partial class MemberList
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private MudDataGrid<MemberRow>? _grid;
    private IReadOnlyList<GroupOption> _groups = [];
    private Guid? _groupId;
    private string? _search;
    private MembershipStatus? _status;
    private Sector? _sector;
    private string? _tier;
    private string? _country;
    private string? _countryError;
    private string? _error;
    private MemberQuery _lastQuery = new();

    [Inject]
    private MemberDirectory Directory { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>Preselects a group, e.g. after an import: <c>/members?group=…</c>.</summary>
    [SupplyParameterFromQuery(Name = "group")]
    public Guid? InitialGroup { get; set; }

    private Guid? SelectedGroup => _groupId ?? (_groups.Count == 1 ? _groups[0].Id : null);

    private IEnumerable<string> TierNames => _groups
        .Where(g => _groupId is null || g.Id == _groupId)
        .SelectMany(g => g.Tiers.Select(t => t.Name))
        .Distinct(StringComparer.OrdinalIgnoreCase);

    private string ExportQuery => MembersFeature.ToQueryString(_lastQuery with { BuyerGroupId = _groupId });

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _groups = await Directory.GroupsAsync(user);
        if (_groups.Count == 0)
        {
            _error = "You do not coordinate a buyer group yet. The pact secretariat can assign you to one.";
        }
        else if (InitialGroup is { } group && _groups.Any(g => g.Id == group))
        {
            _groupId = group;
        }
    }

    private async Task<GridData<MemberRow>> LoadAsync(GridState<MemberRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new MemberQuery
        {
            BuyerGroupId = _groupId,
            Search = _search,
            Status = _status,
            Sector = _sector,
            Tier = _tier,
            Country = string.IsNullOrWhiteSpace(_country) ? null : _country,
            SortBy = sort is not null && Enum.TryParse<MemberSortColumn>(sort.SortBy, out var column) ? column : MemberSortColumn.LegalName,
            Descending = sort?.Descending ?? false,
            Page = state.Page,
            PageSize = state.PageSize,
        };
        var exportChanged = query.SortBy != _lastQuery.SortBy || query.Descending != _lastQuery.Descending;
        _lastQuery = query;
        try
        {
            var page = await Directory.ListAsync((await AuthenticationState).User, query, cancellationToken);
            _countryError = null;
            _error = null;
            if (exportChanged)
            {
                // A sort clicked in the grid does not re-render this page; the export links must follow it.
                _ = InvokeAsync(StateHasChanged);
            }

            return new GridData<MemberRow> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (DomainException error) when (error.Field == "Country")
        {
            _countryError = error.Message;
        }
        catch (ForbiddenException error)
        {
            _error = error.Message;
        }

        return new GridData<MemberRow> { Items = [], TotalItems = 0 };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task OnGroupChanged(Guid? group)
    {
        _groupId = group;
        _tier = null;
        return ReloadAsync();
    }

    private Task OnSearchChanged(string? _) => ReloadAsync();

    private Task OnCountryChanged(string? _) => ReloadAsync();

    private Task OnStatusChanged(MembershipStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private Task OnSectorChanged(Sector? sector)
    {
        _sector = sector;
        return ReloadAsync();
    }

    private Task OnTierChanged(string? tier)
    {
        _tier = tier;
        return ReloadAsync();
    }
}
