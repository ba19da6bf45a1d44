using CircularIctPact.Domain.Impact;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CircularIctPact.Web.Features.Impact;

/// <summary>Impact figures of one buyer group or the whole pact, rendered on the server.</summary>
public sealed partial class ImpactPage
{
    private ImpactView? _view;
    private string? _message;
    private bool _secretariat;
    private int _thisYear;
    private List<ChartSeries<double>> _trend = [];
    private string[] _trendLabels = [];

    [Inject]
    private ImpactFigures Figures { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "group")]
    private Guid? Group { get; set; }

    [SupplyParameterFromQuery(Name = "year")]
    private int? Year { get; set; }

    private string ScopeName => _view is null ? string.Empty : ImpactLabels.Scope(T, _view);

    private string ReportUrl => _view?.BuyerGroupId is { } id ? $"/impact/report.docx?group={id}&year={_view.Year}" : $"/impact/report.docx?year={_view?.Year}";

    protected override async Task OnInitializedAsync()
    {
        _thisYear = Clock.GetUtcNow().Year;
        _secretariat = HttpContext.User.IsSecretariat();
        try
        {
            _view = await Figures.GetAsync(HttpContext.User, Group, Year, HttpContext.RequestAborted);
        }
        catch (ForbiddenException error)
        {
            _message = error.Message;
            return;
        }

        var trend = Trend();
        _trendLabels = [.. trend.Select(row => row.Year.ToString(System.Globalization.CultureInfo.CurrentCulture))];
        _trend =
        [
            new ChartSeries<double> { Name = T["% of tenders applying the shared criteria"], Data = trend.Select(row => Math.Round(row.SharePercent, 1)).ToArray() },
            new ChartSeries<double> { Name = T["Path to 2030 (%)"], Data = trend.Select(row => Math.Round(row.PathPercent, 1)).ToArray() },
            new ChartSeries<double> { Name = T["Average self-assessment score (% of the top score)"], Data = trend.Select(row => Math.Round((row.AssessmentAverage ?? 0) * 100 / SelfAssessment.MaxScore, 1)).ToArray() },
        ];
    }

    private IReadOnlyList<TrendRow> Trend() => _view is null ? [] : ImpactLabels.Trend(_view);

    private IEnumerable<string> Assumptions() => ImpactLabels.Assumptions(T);

    private string ThemeName(AssessmentTheme theme) => ImpactLabels.Theme(T, theme);

    private string DeviceName(DeviceType type) => ImpactLabels.Device(T, type);
}
