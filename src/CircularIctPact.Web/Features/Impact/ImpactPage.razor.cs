using CircularIctPact.Domain.Impact;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CircularIctPact.Web.Features.Impact;

/// <summary>
/// The impact dashboard: figures of one buyer group or the whole pact for a self-assessment year, chosen with live filters.
/// </summary>
public sealed partial class ImpactPage
{
    private ImpactView? _view;
    private string? _message;
    private bool _secretariat;
    private int _thisYear;
    private List<ChartSeries<double>> _trend = [];
    private string[] _trendLabels = [];
    private bool _interactive;

    [Inject]
    private ImpactFigures Figures { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "group")]
    private Guid? Group { get; set; }

    [SupplyParameterFromQuery(Name = "year")]
    private int? Year { get; set; }

    /// <summary>The figures prerendering read (or the refusal it met), so the circuit does not read them again.</summary>
    [PersistentState]
    public ImpactPageState? Prerendered { get; set; }

    private string ScopeName => _view is null ? string.Empty : ImpactLabels.Scope(T, _view);

    private string ReportUrl =>
        _view?.BuyerGroupId is { } id ? $"/impact/report.docx?group={id}&year={_view.Year}" : $"/impact/report.docx?year={_view?.Year}";

    protected override async Task OnInitializedAsync()
    {
        _thisYear = Clock.GetUtcNow().Year;
        _secretariat = (await AuthenticationState).User.IsSecretariat();
        if (Prerendered is { } prerendered)
        {
            _message = prerendered.Message;
            if (prerendered.View is { } view)
            {
                Show(view);
            }

            return;
        }

        await LoadAsync(Group, Year);
        Prerendered = new ImpactPageState(_view, _message);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private Task FilterAsync(Guid? group, int year) => LoadAsync(group, year);

    private async Task LoadAsync(Guid? group, int? year)
    {
        try
        {
            Show(await Figures.GetAsync((await AuthenticationState).User, group, year));
        }
        catch (ForbiddenException error)
        {
            _message = DomainMessageText.Of(error);
        }
    }

    private void Show(ImpactView view)
    {
        _view = view;
        var trend = Trend();
        _trendLabels = [.. trend.Select(row => row.Year.ToString(System.Globalization.CultureInfo.CurrentCulture))];
        _trend =
        [
            new ChartSeries<double>
            {
                Name = T["% of tenders applying the shared criteria"],
                Data = trend.Select(row => Math.Round(row.SharePercent, 1)).ToArray(),
            },
            new ChartSeries<double> { Name = T["Path to 2030 (%)"], Data = trend.Select(row => Math.Round(row.PathPercent, 1)).ToArray() },
            new ChartSeries<double> { Name = T["Average self-assessment score (% of the top score)"], Data = trend.Select(
                row => Math.Round((row.AssessmentAverage ?? 0) * 100 / SelfAssessment.MaxScore, 1))
                .ToArray() },
        ];
    }

    private IReadOnlyList<TrendRow> Trend() => _view is null ? [] : ImpactLabels.Trend(_view);

    private IEnumerable<string> Assumptions() => ImpactLabels.Assumptions(T);

    private string ThemeName(AssessmentTheme theme) => ImpactLabels.Theme(T, theme);

    private string DeviceName(DeviceType type) => ImpactLabels.Device(T, type);
}

/// <summary>What the impact page read while prerendering: the figures, or the message of the refusal.</summary>
public sealed record ImpactPageState(ImpactView? View, string? Message);
