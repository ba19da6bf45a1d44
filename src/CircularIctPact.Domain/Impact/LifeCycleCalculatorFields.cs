using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Impact;

/// <summary>
/// The form fields that the rules of the life-cycle calculator name: the inputs of <see cref="CalculationInput"/>, and
/// those of each <see cref="ScenarioInput"/>, which sit in a row of <see cref="Scenarios"/> (see <see cref="Scenario"/>).
/// </summary>
public static class LifeCycleCalculatorFields
{
    public static readonly FormField EnergyPricePerKwh = new(nameof(CalculationInput.EnergyPricePerKwh));
    public static readonly FormField GridKgCo2ePerKwh = new(nameof(CalculationInput.GridKgCo2ePerKwh));
    public static readonly FormField DiscountRatePercent = new(nameof(CalculationInput.DiscountRatePercent));
    public static readonly FormField Scenarios = new(nameof(CalculationInput.Scenarios));

    public static readonly FormField Name = new(nameof(ScenarioInput.Name));
    public static readonly FormField PurchasePrice = new(nameof(ScenarioInput.PurchasePrice));
    public static readonly FormField YearsOfUse = new(nameof(ScenarioInput.YearsOfUse));
    public static readonly FormField EnergyKwhPerYear = new(nameof(ScenarioInput.EnergyKwhPerYear));
    public static readonly FormField MaintenancePerYear = new(nameof(ScenarioInput.MaintenancePerYear));
    public static readonly FormField PartReplacementCost = new(nameof(ScenarioInput.PartReplacementCost));
    public static readonly FormField PartReplacementYear = new(nameof(ScenarioInput.PartReplacementYear));
    public static readonly FormField RefurbishmentCost = new(nameof(ScenarioInput.RefurbishmentCost));
    public static readonly FormField ResidualValue = new(nameof(ScenarioInput.ResidualValue));
    public static readonly FormField EndOfLifeCost = new(nameof(ScenarioInput.EndOfLifeCost));
    public static readonly FormField EmbodiedKgCo2e = new(nameof(ScenarioInput.EmbodiedKgCo2e));

    /// <summary>The input of the scenario at <paramref name="index"/>, e.g. <c>Scenarios[1].YearsOfUse</c>.</summary>
    public static FormField Scenario(int index, FormField input) => input.In(Scenarios, index);
}
