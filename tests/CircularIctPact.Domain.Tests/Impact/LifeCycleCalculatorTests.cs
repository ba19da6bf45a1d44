using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Impact;

namespace CircularIctPact.Domain.Tests.Impact;

public sealed class LifeCycleCalculatorTests
{
    // Shared: energy €0.25/kWh, grid 0.25 kg CO2e/kWh.
    // A: €1,000 laptop, 4 years, 20 kWh/year, €20 maintenance/year, €100 take-back, €10 end of life, 250 kg embodied.
    private static readonly ScenarioInput FourYears = new("Every 4 years", 1000m, 4, 20m, 20m, 0m, null, 0m, 100m, 10m, 250m);

    // B: the same laptop kept 6 years, €120 battery in year 3, no take-back payment.
    private static readonly ScenarioInput SixYearsWithBattery = new("6 years, new battery", 1000m, 6, 20m, 20m, 120m, 3, 0m, 0m, 10m, 250m);

    private static CalculationInput Input(decimal discountRate, params ScenarioInput[] scenarios) =>
        new(DeviceType.Laptop, 0.25m, 0.25m, discountRate, scenarios);

    [Fact]
    public void Without_discounting_the_cost_is_the_plain_sum_of_all_payments()
    {
        var results = LifeCycleCalculator.Calculate(Input(0m, FourYears, SixYearsWithBattery));

        // A: 1000 + 4 × (20 kWh × 0.25 + 20) + 10 − 100 = 1000 + 100 − 90 = 1010; per year 1010 / 4 = 252.50
        Assert.Equal(1010m, results[0].TotalCostOfOwnership);
        Assert.Equal(252.5m, results[0].CostPerYearOfUse);

        // B: 1000 + 6 × 25 + 120 + 10 = 1280; per year 1280 / 6 = 213.33
        Assert.Equal(1280m, results[1].TotalCostOfOwnership);
        Assert.Equal(213.33m, Math.Round(results[1].CostPerYearOfUse, 2));
    }

    [Fact]
    public void Emissions_are_embodied_plus_energy_times_grid_factor_per_year()
    {
        var results = LifeCycleCalculator.Calculate(Input(0m, FourYears, SixYearsWithBattery));

        // use phase: 20 kWh × 0.25 kg/kWh = 5 kg a year
        Assert.Equal(5m, results[0].UsePhaseKgCo2ePerYear);

        // A: 250 + 4 × 5 = 270 kg, 67.5 kg per year of use; B: 250 + 6 × 5 = 280 kg, 46.67 kg per year
        Assert.Equal(270m, results[0].LifetimeKgCo2e);
        Assert.Equal(67.5m, results[0].KgCo2ePerYearOfUse);
        Assert.Equal(280m, results[1].LifetimeKgCo2e);
        Assert.Equal(46.67m, Math.Round(results[1].KgCo2ePerYearOfUse, 2));
    }

    [Fact]
    public void A_discount_rate_counts_each_later_payment_at_its_present_value()
    {
        var result = LifeCycleCalculator.Calculate(Input(5m, FourYears, SixYearsWithBattery))[0];

        // year 0: 1000 (not discounted)
        // year 1:  25 / 1.05   =  23.8095
        // year 2:  25 / 1.05²  =  22.6757
        // year 3:  25 / 1.05³  =  21.5959
        // year 4: (25 + 10 − 100) / 1.05⁴ = −65 / 1.21550625 = −53.4757
        // total 1014.61; per year 253.65
        Assert.Equal(1014.61m, Math.Round(result.TotalCostOfOwnership, 2));
        Assert.Equal(253.65m, Math.Round(result.CostPerYearOfUse, 2));
        Assert.Equal(-53.48m, Math.Round(result.Years[4].PresentValue, 2));
        Assert.Equal(-65m, result.Years[4].Nominal);
    }

    [Fact]
    public void Zero_years_of_use_is_rejected_with_a_message_on_that_field()
    {
        var input = Input(0m, FourYears, FourYears with { YearsOfUse = 0 });

        var error = Assert.Throws<DomainException>(() => LifeCycleCalculator.Calculate(input));

        Assert.Equal(LifeCycleCalculatorFields.Scenario(1, LifeCycleCalculatorFields.YearsOfUse), error.Field);
        Assert.Contains("at least 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_numbers_an_odd_discount_rate_and_a_single_scenario_are_each_named()
    {
        var input = Input(35m, FourYears with { PurchasePrice = -1m, PartReplacementCost = 50m });

        var fields = LifeCycleCalculator.Problems(input).Select(problem => problem.Field).ToList();

        Assert.Equal<FormField?>(
            [
                LifeCycleCalculatorFields.DiscountRatePercent,
                LifeCycleCalculatorFields.Scenarios,
                LifeCycleCalculatorFields.Scenario(0, LifeCycleCalculatorFields.PurchasePrice),
                LifeCycleCalculatorFields.Scenario(0, LifeCycleCalculatorFields.PartReplacementYear),
            ],
            fields);
    }

    [Fact]
    public void A_replacement_year_after_the_last_year_of_use_is_rejected()
    {
        var problems = LifeCycleCalculator.Problems(Input(0m, FourYears, SixYearsWithBattery with { PartReplacementYear = 7 }));

        Assert.Equal(LifeCycleCalculatorFields.Scenario(1, LifeCycleCalculatorFields.PartReplacementYear), Assert.Single(problems).Field);
    }

    [Theory]
    [InlineData(DeviceType.Laptop)]
    [InlineData(DeviceType.Smartphone)]
    public void Default_scenarios_are_valid_and_longer_use_emits_less_per_year(DeviceType type)
    {
        var results = LifeCycleCalculator.Calculate(LifeCycleCalculator.DefaultsFor(type));

        Assert.Equal(3, results.Count);
        Assert.True(results[1].KgCo2ePerYearOfUse < results[0].KgCo2ePerYearOfUse);
    }

    [Fact]
    public void Avoided_emissions_follow_embodied_times_one_minus_baseline_over_expected()
    {
        // laptop: 250 kg × (1 − 4 / 6) = 83.33 kg per device; 2 years: 250 × (1 − 4 / 2) = −250 kg (shorter use counts against)
        Assert.Equal(83.33m, Math.Round(DeviceDefaults.Laptop.AvoidedKgCo2ePerDevice(6m), 2));
        Assert.Equal(-250m, DeviceDefaults.Laptop.AvoidedKgCo2ePerDevice(2m));
        Assert.Equal(0m, DeviceDefaults.Laptop.AvoidedKgCo2ePerDevice(0m));
    }
}
