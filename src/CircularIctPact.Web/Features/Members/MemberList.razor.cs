using System.Globalization;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Members;

/// <summary>
/// The member grid: every search, filter, sort and page is a query to <see cref="MemberDirectory"/>, and the
/// component keeps only the page it shows.
/// </summary>
public sealed partial class MemberList : IDisposable
{
    private const string OutlinedButtonClass =
        "mud-button-root mud-button mud-button-outlined mud-button-outlined-default mud-button-outlined-size-medium mud-ripple";

    private const string SortIconBaseClass = "mud-icon-root mud-svg-icon mud-icon-size-small mud-table-sort-label-icon";

    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private static readonly MarkupString SortIcon = new(Icons.Material.Filled.ArrowUpward);
    private static readonly MarkupString AddIcon = new(Icons.Material.Outlined.Add);
    private static readonly MarkupString ImportIcon = new(Icons.Material.Outlined.UploadFile);
    private static readonly MarkupString DownloadIcon = new(Icons.Material.Outlined.Download);

    /// <summary>The columns in order; the buyer group's only when the caller works with several groups.</summary>
    private static readonly GridColumn[] Columns =
    [
        new(MemberSortColumn.LegalName, "Legal name"),
        new(MemberSortColumn.BuyerGroup, "Buyer group"),
        new(MemberSortColumn.Sector, "Sector"),
        new(MemberSortColumn.Country, "Country"),
        new(MemberSortColumn.Website, "Website"),
        new(MemberSortColumn.Contact, "Contact"),
        new(MemberSortColumn.SizeBand, "Size"),
        new(MemberSortColumn.IctSpendBand, "ICT spend"),
        new(MemberSortColumn.Tier, "Tier"),
        new(MemberSortColumn.JoinedOn, "Joined"),
        new(MemberSortColumn.Status, "Status"),
    ];

    private IReadOnlyList<MemberRow> _rows = [];
    private int _total;
    private int _page;
    private int _pageSize = 25;
    private MemberSortColumn? _sortBy;
    private bool _descending;
    private bool _loaded;
    private CancellationTokenSource? _loading;
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

    private IReadOnlyList<GridColumn> VisibleColumns =>
        _groups.Count > 1 ? Columns : [.. Columns.Where(c => c.SortBy != MemberSortColumn.BuyerGroup)];

    private int LastPage => Math.Max(0, (_total - 1) / _pageSize);

    private (int Target, string Label, MarkupString Icon)[] PagerButtons =>
    [
        (0, "First page", new(Icons.Material.Filled.FirstPage)),
        (_page - 1, "Previous page", new(Icons.Material.Filled.NavigateBefore)),
        (_page + 1, "Next page", new(Icons.Material.Filled.NavigateNext)),
        (LastPage, "Last page", new(Icons.Material.Filled.LastPage)),
    ];

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

        // The first page is loaded once the circuit runs, not while prerendering, so that it is read once per visit.
        // It is loaded here rather than after the first render: that render can come before the groups above have
        // arrived, and the list would then stay on "Loading" for good.
        if (RendererInfo.IsInteractive && _groups.Count > 0)
        {
            await LoadAsync();
        }
    }

    public void Dispose()
    {
        _loading?.Cancel();
        _loading?.Dispose();
    }

    private async Task LoadAsync()
    {
        _loading?.Cancel();
        _loading?.Dispose();
        var loading = _loading = new CancellationTokenSource();
        var query = new MemberQuery
        {
            BuyerGroupId = _groupId,
            Search = _search,
            Status = _status,
            Sector = _sector,
            Tier = _tier,
            Country = string.IsNullOrWhiteSpace(_country) ? null : _country,
            SortBy = _sortBy ?? MemberSortColumn.LegalName,
            Descending = _sortBy is not null && _descending,
            Page = _page,
            PageSize = _pageSize,
        };
        _lastQuery = query;
        try
        {
            var page = await Directory.ListAsync((await AuthenticationState).User, query, loading.Token);
            (_rows, _total) = (page.Items, page.TotalCount);
            _countryError = null;
            _error = null;
        }
        catch (OperationCanceledException) when (loading.IsCancellationRequested)
        {
            // A newer search replaced this one; it shows its own rows.
            return;
        }
        catch (DomainException error) when (error.Field == CommonFields.Country)
        {
            (_rows, _total, _countryError) = ([], 0, DomainMessageText.Of(error));
        }
        catch (ForbiddenException error)
        {
            (_rows, _total, _error) = ([], 0, DomainMessageText.Of(error));
        }

        _loaded = true;
    }

    /// <summary>A filter or the sort changed: the list starts again at its first page.</summary>
    private Task ReloadAsync()
    {
        _page = 0;
        return LoadAsync();
    }

    /// <summary>Ascending, then descending, then back to the default order by legal name.</summary>
    private Task SortAsync(MemberSortColumn column)
    {
        if (_sortBy != column)
        {
            (_sortBy, _descending) = (column, false);
        }
        else if (!_descending)
        {
            _descending = true;
        }
        else
        {
            (_sortBy, _descending) = (null, false);
        }

        return ReloadAsync();
    }

    private string? AriaSort(MemberSortColumn column) =>
        _sortBy == column ? (_descending ? "descending" : "ascending") : null;

    private string SortIconClass(MemberSortColumn column) =>
        _sortBy == column ? (_descending ? "mud-direction-desc" : "mud-direction-asc") : string.Empty;

    private Task GoToPageAsync(int page)
    {
        _page = Math.Clamp(page, 0, LastPage);
        return LoadAsync();
    }

    private Task OnPageSizeChanged(ChangeEventArgs change)
    {
        if (!int.TryParse(change.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size)
            || !PageSizes.Contains(size))
        {
            return Task.CompletedTask;
        }

        _pageSize = size;
        return ReloadAsync();
    }

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

    private sealed record GridColumn(MemberSortColumn SortBy, string Title);
}
