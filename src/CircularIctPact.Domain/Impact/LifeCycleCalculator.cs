using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Impact;

/// <summary>One offer or way of working to compare, per device. Money in one currency, emissions in kg CO2e.</summary>
public sealed record ScenarioInput(
    string Name,
    decimal PurchasePrice,
    int YearsOfUse,
    decimal EnergyKwhPerYear,
    decimal MaintenancePerYear,
    decimal PartReplacementCost,
    int? PartReplacementYear,
    decimal RefurbishmentCost,
    decimal ResidualValue,
    decimal EndOfLifeCost,
    decimal EmbodiedKgCo2e);

/// <summary>What every scenario shares: energy price, grid emission factor and the discount rate (percent a year).</summary>
public sealed record CalculationInput(
    DeviceType DeviceType,
    decimal EnergyPricePerKwh,
    decimal GridKgCo2ePerKwh,
    decimal DiscountRatePercent,
    IReadOnlyList<ScenarioInput> Scenarios);

public sealed record YearCost(int Year, decimal Nominal, decimal PresentValue);

public sealed record ScenarioResult(
    string Name,
    int YearsOfUse,
    decimal TotalCostOfOwnership,
    decimal CostPerYearOfUse,
    decimal EmbodiedKgCo2e,
    decimal UsePhaseKgCo2ePerYear,
    decimal LifetimeKgCo2e,
    decimal KgCo2ePerYearOfUse,
    IReadOnlyList<YearCost> Years);

/// <summary>
/// Life-cycle cost and CO2e per device. Purchase and refurbishment are paid at the start (year 0, not discounted);
/// energy and maintenance at the end of each year of use; a part replacement at the end of its year; the residual
/// value (received) and the end-of-life cost at the end of the last year. Each amount in year t counts as
/// amount ÷ (1 + rate)^t.
/// </summary>
public static class LifeCycleCalculator
{
    public const int MinScenarios = 2;
    public const int MaxScenarios = 5;
    public const int MaxYearsOfUse = 20;
    public const decimal MaxDiscountRatePercent = 20m;
    public const int NameMaxLength = 60;

    public static IReadOnlyList<ScenarioResult> Calculate(CalculationInput input)
    {
        var problems = Problems(input);
        if (problems.Count > 0)
        {
            throw problems[0];
        }

        return input.Scenarios.Select(scenario => Calculate(scenario, input)).ToList();
    }

    /// <summary>Every broken rule, each naming its field (<c>EnergyPricePerKwh</c>, <c>Scenarios[1].YearsOfUse</c>, …).</summary>
    public static IReadOnlyList<DomainException> Problems(CalculationInput input)
    {
        var problems = new List<DomainException>();
        NotNegative(problems, input.EnergyPricePerKwh, "Energy price", LifeCycleCalculatorFields.EnergyPricePerKwh);
        NotNegative(problems, input.GridKgCo2ePerKwh, "Grid emission factor", LifeCycleCalculatorFields.GridKgCo2ePerKwh);
        if (input.DiscountRatePercent is < 0 or > MaxDiscountRatePercent)
        {
            problems.Add(new DomainException(
                LifeCycleCalculatorFields.DiscountRatePercent,
                "The discount rate must be between 0 and {0} %.",
                MaxDiscountRatePercent));
        }

        if (input.Scenarios.Count < MinScenarios)
        {
            problems.Add(new DomainException(LifeCycleCalculatorFields.Scenarios, "Compare at least {0} scenarios.", MinScenarios));
        }
        else if (input.Scenarios.Count > MaxScenarios)
        {
            problems.Add(new DomainException(LifeCycleCalculatorFields.Scenarios, "Compare at most {0} scenarios.", MaxScenarios));
        }

        for (var index = 0; index < input.Scenarios.Count; index++)
        {
            ScenarioProblems(problems, input.Scenarios[index], index);
        }

        return problems;
    }

    private static void ScenarioProblems(List<DomainException> problems, ScenarioInput scenario, int index)
    {
        FormField Input(FormField input) => LifeCycleCalculatorFields.Scenario(index, input);

        if (string.IsNullOrWhiteSpace(scenario.Name))
        {
            problems.Add(new DomainException(Input(LifeCycleCalculatorFields.Name), "Give the scenario a name."));
        }
        else if (scenario.Name.Trim().Length > NameMaxLength)
        {
            problems.Add(new DomainException(
                Input(LifeCycleCalculatorFields.Name),
                "A scenario name can be at most {0} characters.",
                NameMaxLength));
        }

        if (scenario.YearsOfUse <= 0)
        {
            problems.Add(new DomainException(
                Input(LifeCycleCalculatorFields.YearsOfUse),
                "Years of use must be at least 1: a device used for zero years has no cost per year."));
        }
        else if (scenario.YearsOfUse > MaxYearsOfUse)
        {
            problems.Add(new DomainException(
                Input(LifeCycleCalculatorFields.YearsOfUse),
                "Years of use can be at most {0}.",
                MaxYearsOfUse));
        }

        NotNegative(problems, scenario.PurchasePrice, "Purchase price", Input(LifeCycleCalculatorFields.PurchasePrice));
        NotNegative(problems, scenario.EnergyKwhPerYear, "Energy use", Input(LifeCycleCalculatorFields.EnergyKwhPerYear));
        NotNegative(problems, scenario.MaintenancePerYear, "Maintenance and repair", Input(LifeCycleCalculatorFields.MaintenancePerYear));
        NotNegative(problems, scenario.PartReplacementCost, "Part replacement cost", Input(LifeCycleCalculatorFields.PartReplacementCost));
        NotNegative(problems, scenario.RefurbishmentCost, "Refurbishment cost", Input(LifeCycleCalculatorFields.RefurbishmentCost));
        NotNegative(problems, scenario.ResidualValue, "Residual value", Input(LifeCycleCalculatorFields.ResidualValue));
        NotNegative(problems, scenario.EndOfLifeCost, "End-of-life cost", Input(LifeCycleCalculatorFields.EndOfLifeCost));
        NotNegative(problems, scenario.EmbodiedKgCo2e, "Embodied emissions", Input(LifeCycleCalculatorFields.EmbodiedKgCo2e));

        if (scenario.PartReplacementCost > 0 && scenario.PartReplacementYear is null)
        {
            problems.Add(new DomainException(
                Input(LifeCycleCalculatorFields.PartReplacementYear),
                "Say in which year the part is replaced."));
        }
        else if (scenario.PartReplacementYear is { } year && scenario.YearsOfUse > 0 && (year < 1 || year > scenario.YearsOfUse))
        {
            problems.Add(new DomainException(
                Input(LifeCycleCalculatorFields.PartReplacementYear),
                "The replacement year must lie within the years of use."));
        }
    }

    private static void NotNegative(List<DomainException> problems, decimal value, string label, FormField field)
    {
        if (value < 0)
        {
            problems.Add(new DomainException(field, "{0} cannot be negative.", label));
        }
    }

    private static ScenarioResult Calculate(ScenarioInput scenario, CalculationInput input)
    {
        var rate = input.DiscountRatePercent / 100m;
        var years = new List<YearCost>(scenario.YearsOfUse + 1);
        var start = scenario.PurchasePrice + scenario.RefurbishmentCost;
        years.Add(new YearCost(0, start, start));
        var factor = 1m;
        for (var year = 1; year <= scenario.YearsOfUse; year++)
        {
            factor *= 1 + rate;
            var nominal = (scenario.EnergyKwhPerYear * input.EnergyPricePerKwh) + scenario.MaintenancePerYear;
            if (scenario.PartReplacementYear == year)
            {
                nominal += scenario.PartReplacementCost;
            }

            if (year == scenario.YearsOfUse)
            {
                nominal += scenario.EndOfLifeCost - scenario.ResidualValue;
            }

            years.Add(new YearCost(year, nominal, nominal / factor));
        }

        var total = years.Sum(y => y.PresentValue);
        var usePerYear = scenario.EnergyKwhPerYear * input.GridKgCo2ePerKwh;
        var lifetime = scenario.EmbodiedKgCo2e + (usePerYear * scenario.YearsOfUse);
        return new ScenarioResult(
            scenario.Name.Trim(),
            scenario.YearsOfUse,
            total,
            total / scenario.YearsOfUse,
            scenario.EmbodiedKgCo2e,
            usePerYear,
            lifetime,
            lifetime / scenario.YearsOfUse,
            years);
    }

    /// <summary>Three scenarios to start from: replace every baseline years, keep longer with a new battery, or buy refurbished.</summary>
    public static CalculationInput DefaultsFor(DeviceType type)
    {
        var d = DeviceDefaults.For(type);
        var baseline = (int)d.BaselineYearsOfUse.Value;
        var longer = (int)d.LongerYearsOfUse.Value;
        return new CalculationInput(
            type,
            DeviceDefaults.EnergyPricePerKwh.Value,
            DeviceDefaults.GridKgCo2ePerKwh.Value,
            0m,
            [
                new ScenarioInput(
                    $"New, {baseline} years",
                    d.NewPrice.Value,
                    baseline,
                    d.EnergyKwhPerYear.Value,
                    d.MaintenancePerYear.Value,
                    0m,
                    null,
                    0m,
                    d.ResidualValueAtBaseline.Value,
                    d.EndOfLifeCost.Value,
                    d.EmbodiedKgCo2e.Value),
                new ScenarioInput(
                    $"New, {longer} years, new battery",
                    d.NewPrice.Value,
                    longer,
                    d.EnergyKwhPerYear.Value,
                    d.MaintenancePerYear.Value,
                    d.BatteryReplacementCost.Value,
                    baseline - 1,
                    0m,
                    0m,
                    d.EndOfLifeCost.Value,
                    d.EmbodiedKgCo2e.Value),
                new ScenarioInput(
                    $"Refurbished, {baseline} years",
                    d.RefurbishedPrice.Value,
                    baseline,
                    d.EnergyKwhPerYear.Value,
                    d.MaintenancePerYear.Value,
                    0m,
                    null,
                    0m,
                    0m,
                    d.EndOfLifeCost.Value,
                    d.RefurbishedEmbodiedKgCo2e.Value),
            ]);
    }
}
