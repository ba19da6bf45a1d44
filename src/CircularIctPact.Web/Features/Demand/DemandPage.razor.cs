using System.Globalization;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Tenders;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Demand;

/// <summary>The planned-demand dashboard for coordinators and the secretariat: tables, a chart and the CSV export.</summary>
public sealed partial class DemandPage
{
    private DemandReport? _report;
    private IReadOnlyList<BuyerGroupOption> _groups = [];
    private DemandQuery _query = new();
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private string? _error;
    private bool _interactive;

    [Inject]
    private DemandSignal Signal { get; set; } = default!;

    [Inject]
    private TenderDirectory Directory { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The first report and the caller's groups as prerendering read them, so the circuit does not read them again.</summary>
    [PersistentState]
    public DemandPageState? Prerendered { get; set; }

    private string ExportHref
    {
        get
        {
            var parts = new List<string>();
            if (_query.BuyerGroupId is { } group)
            {
                parts.Add($"group={group}");
            }

            if (_query.Country is { } country)
            {
                parts.Add($"country={Uri.EscapeDataString(country)}");
            }

            return "demand/export.csv" + (parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts));
        }
    }

    protected override async Task OnInitializedAsync()
    {
        if (Prerendered is { } prerendered)
        {
            _groups = prerendered.Groups;
            Show(prerendered.Report);
            return;
        }

        var user = (await AuthenticationState).User;
        try
        {
            _groups = await Directory.GroupsAsync(user);
        }
        catch (ForbiddenException)
        {
            _groups = [];
        }

        await LoadAsync();
        if (_report is not null)
        {
            Prerendered = new DemandPageState(_report, _groups);
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

    private static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private async Task FilterAsync(DemandQuery query)
    {
        _query = query;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            Show(await Signal.GetAsync((await AuthenticationState).User, _query));
        }
        catch (ForbiddenException error)
        {
            _error = DomainMessageText.Of(error);
        }
    }

    private void Show(DemandReport report)
    {
        _report = report;
        _labels = [.. report.Quarters.Select(quarter => QuarterText.Of(T, quarter))];
        _series = [.. report.Lines.Select(l =>
            new ChartSeries<double> { Name = l.ProductGroup, Data = new ChartData<double>(l.Devices.Select(d => (double)d).ToList()) })];
        _error = null;
    }
}

/// <summary>What the demand page read while prerendering: the unfiltered report and the groups the caller may choose from.</summary>
public sealed record DemandPageState(DemandReport Report, IReadOnlyList<BuyerGroupOption> Groups);
