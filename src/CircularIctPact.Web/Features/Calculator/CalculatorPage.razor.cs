using System.Globalization;
using CircularIctPact.Domain.Impact;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CircularIctPact.Web.Features.Calculator;

/// <summary>
/// The public calculator as a static page: the form is a GET form, so the address holds the whole
/// calculation and is the share link; results render on the server for anyone who opens it.
/// </summary>
public sealed partial class CalculatorPage
{
    private CalculatorForm _form = new();
    private readonly FieldErrors _errors = new();
    private CalculationInput? _input;
    private IReadOnlyList<ScenarioResult>? _results;
    private IReadOnlyList<SavedCalculationSummary> _saved = [];
    private List<ChartSeries<double>> _costSeries = [];
    private List<ChartSeries<double>> _co2Series = [];
    private string[] _labels = [];
    private string _query = string.Empty;
    private string _shareUrl = string.Empty;
    private bool _readOnly;
    private bool _signedIn;

    [Inject]
    private SavedCalculations Saved { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "view")]
    private string? View { get; set; }

    [SupplyParameterFromQuery(Name = "defaults")]
    private string? Defaults { get; set; }

    [SupplyParameterFromQuery(Name = "add")]
    private string? Add { get; set; }

    [SupplyParameterFromQuery(Name = "remove")]
    private int? Remove { get; set; }

    [SupplyParameterFromQuery(Name = "saved")]
    private string? SavedFlag { get; set; }

    [SupplyParameterFromQuery(Name = "saveError")]
    private string? SaveError { get; set; }

    /// <summary>The name typed into a save that was refused, so it is not lost.</summary>
    [SupplyParameterFromQuery(Name = "saveName")]
    private string? SaveName { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var read = CalculatorForm.Read(HttpContext.Request.Query);
        _form = read is null || Defaults == "1"
            ? CalculatorForm.Defaults(read?.DeviceType ?? RequestedType(), DefaultName)
            : read;
        if (Add == "1")
        {
            _form.AddScenario(T["Scenario {0}", _form.Scenarios.Count + 1]);
        }
        else if (Remove is { } index)
        {
            _form.RemoveScenario(index);
        }

        _readOnly = View == "1";
        _query = _form.ToQuery();
        _shareUrl = Navigation.ToAbsoluteUri($"/calculator?{_query}&view=1").AbsoluteUri;
        _input = _form.ToInput(_errors, T["Enter a number."], T["Enter whole years."]);
        if (_input is not null)
        {
            _results = LifeCycleCalculator.Calculate(_input);
            _labels = _results.Select(r => r.Name).ToArray();
            _costSeries = [new ChartSeries<double> { Name = T["Cost per year of use (€)"], Data = _results.Select(
                r => (double)Math.Round(r.CostPerYearOfUse, 2))
                .ToArray() }];
            _co2Series = [new ChartSeries<double> { Name = T["kg CO2e per year of use"], Data = _results.Select(
                r => (double)Math.Round(r.KgCo2ePerYearOfUse, 1))
                .ToArray() }];
        }

        _signedIn = HttpContext.User.Identity?.IsAuthenticated == true;
        _saved = await Saved.ListAsync(HttpContext.User, HttpContext.RequestAborted);
    }

    private DeviceType RequestedType() =>
        Enum.TryParse<DeviceType>(HttpContext.Request.Query[CalculatorForm.TypeKey], ignoreCase: true, out var type) && Enum.IsDefined(type)
            ? type
            : DeviceType.Laptop;

    private string DefaultName(ScenarioInput scenario, int index) => index switch
    {
        0 => T["New, {0} years", scenario.YearsOfUse],
        1 => T["New, {0} years, new battery", scenario.YearsOfUse],
        _ => T["Refurbished, {0} years", scenario.YearsOfUse],
    };

    private string DeviceName(DeviceType type) => type == DeviceType.Smartphone ? T["Smartphone"] : T["Laptop"];

    private string SharedLabel(string field) => field switch
    {
        nameof(CalculationInput.EnergyPricePerKwh) => T["Energy price (€ per kWh)"],
        nameof(CalculationInput.GridKgCo2ePerKwh) => T["Grid emission factor (kg CO2e per kWh)"],
        _ => T["Discount rate (% per year, 0 for none)"],
    };

    private string ScenarioLabel(string field) => field switch
    {
        nameof(ScenarioInput.Name) => T["Name"],
        nameof(ScenarioInput.PurchasePrice) => T["Purchase price (€)"],
        nameof(ScenarioInput.YearsOfUse) => T["Expected years of use"],
        nameof(ScenarioInput.EnergyKwhPerYear) => T["Energy use (kWh per year)"],
        nameof(ScenarioInput.MaintenancePerYear) => T["Maintenance and repair (€ per year)"],
        nameof(ScenarioInput.PartReplacementCost) => T["Battery or part replacement (€)"],
        nameof(ScenarioInput.PartReplacementYear) => T["Replacement in year"],
        nameof(ScenarioInput.RefurbishmentCost) => T["Refurbishment at purchase (€)"],
        nameof(ScenarioInput.ResidualValue) => T["Residual value or take-back payment (€)"],
        nameof(ScenarioInput.EndOfLifeCost) => T["End-of-life cost (€)"],
        _ => T["Embodied emissions (kg CO2e)"],
    };

    private IEnumerable<(string Label, SourcedFigure Figure)> DefaultFigures()
    {
        var d = DeviceDefaults.For(_form.DeviceType);
        yield return (T["Embodied emissions of a new device"], d.EmbodiedKgCo2e);
        yield return (T["Embodied emissions of a refurbished device"], d.RefurbishedEmbodiedKgCo2e);
        yield return (T["Usual years of use (baseline)"], d.BaselineYearsOfUse);
        yield return (T["Longer use"], d.LongerYearsOfUse);
        yield return (T["Energy use"], d.EnergyKwhPerYear);
        yield return (T["Grid emission factor"], DeviceDefaults.GridKgCo2ePerKwh);
        yield return (T["Energy price"], DeviceDefaults.EnergyPricePerKwh);
        yield return (T["Price of a new device"], d.NewPrice);
        yield return (T["Price of a refurbished device"], d.RefurbishedPrice);
        yield return (T["Battery replacement"], d.BatteryReplacementCost);
        yield return (T["Take-back payment after the usual years"], d.ResidualValueAtBaseline);
        yield return (T["End-of-life cost"], d.EndOfLifeCost);
        yield return (T["Maintenance and repair"], d.MaintenancePerYear);
    }

    private static string Kg(decimal value) => value.ToString("N1", CultureInfo.CurrentCulture);
}
