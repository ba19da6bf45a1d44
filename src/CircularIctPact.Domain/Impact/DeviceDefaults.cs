namespace CircularIctPact.Domain.Impact;

/// <summary>The device types the calculator and the impact figures know.</summary>
public enum DeviceType
{
    Laptop,
    Smartphone,
}

/// <summary>The units of the default figures; pages write them in the reader's language.</summary>
public enum FigureUnit
{
    Years,
    Euro,
    EuroPerYear,
    EuroPerKwh,
    KwhPerYear,
    KgCo2e,
    KgCo2ePerKwh,
}

/// <summary>A default figure with where it comes from, so pages and reports can show the source next to the number.</summary>
public sealed record SourcedFigure(decimal Value, FigureUnit Unit, string Source, bool IsAssumption);

/// <summary>
/// Default figures per device type, shared by the life-cycle calculator and the impact figures.
/// Sources are in the shared criteria facts (§5, §11, §14); figures without a published source are labelled assumptions.
/// </summary>
public sealed record DeviceDefaults(
    DeviceType Type,
    SourcedFigure EmbodiedKgCo2e,
    SourcedFigure BaselineYearsOfUse,
    SourcedFigure LongerYearsOfUse,
    SourcedFigure EnergyKwhPerYear,
    SourcedFigure NewPrice,
    SourcedFigure RefurbishedPrice,
    SourcedFigure RefurbishedEmbodiedKgCo2e,
    SourcedFigure BatteryReplacementCost,
    SourcedFigure ResidualValueAtBaseline,
    SourcedFigure EndOfLifeCost,
    SourcedFigure MaintenancePerYear)
{
    /// <summary>Average EU grid electricity (assumption, the same for every device type).</summary>
    public static readonly SourcedFigure GridKgCo2ePerKwh = new(
        0.25m,
        FigureUnit.KgCo2ePerKwh,
        "Assumption: rounded average of European grid electricity in the mid-2020s; replace it with your supplier's figure.",
        true);

    /// <summary>Business electricity price (assumption).</summary>
    public static readonly SourcedFigure EnergyPricePerKwh =
        new(0.25m, FigureUnit.EuroPerKwh, "Assumption: typical European business electricity price in 2025–2026.", true);

    public static readonly DeviceDefaults Laptop = new(
        DeviceType.Laptop,
        new(
            250m,
            FigureUnit.KgCo2e,
            "TCO Development: a notebook is about 250 kg CO2e before first use; studies range 150–580 kg (Boavizta, Apple, Dell).",
            false),
        new(4m, FigureUnit.Years, "Assumption: common replacement cycle; the pact's own comparison is 4 against 6 years.", true),
        new(6m, FigureUnit.Years, "TCO Development and 3 Step IT compare keeping a laptop 6 years instead of 3 or 4.", false),
        new(25m, FigureUnit.KwhPerYear, "Assumption: about 15 W on average, 8 hours a day, 210 working days.", true),
        new(1000m, FigureUnit.Euro, "Assumption: business laptop price.", true),
        new(700m, FigureUnit.Euro, "Ireland's remanufactured-laptop framework (2024): about 30 % cheaper than new.", false),
        new(25m, FigureUnit.KgCo2e, "3 Step IT (2017): 25 kg for shipping a reused laptop; the making belongs to its first life.", false),
        new(120m, FigureUnit.Euro, "Assumption: replacement battery fitted by a repairer.", true),
        new(100m, FigureUnit.Euro, "Assumption: take-back payment for a 4-year-old business laptop.", true),
        new(10m, FigureUnit.Euro, "Assumption: certified data erasure and recycling per device.", true),
        new(20m, FigureUnit.EuroPerYear, "Assumption: small repairs and support per device.", true));

    public static readonly DeviceDefaults Smartphone = new(
        DeviceType.Smartphone,
        new(64m, FigureUnit.KgCo2e, "Apple's report for iPhone 13 (128 GB): about 64 kg CO2e, 81 % from production.", false),
        new(3m, FigureUnit.Years, "EEB (2019): EU smartphones are used about 3 years on average.", false),
        new(4m, FigureUnit.Years, "EEB (2019): one more year of use saves over 2 Mt CO2e a year in the EU.", false),
        new(4m, FigureUnit.KwhPerYear, "Assumption: about 10 Wh charged a day.", true),
        new(500m, FigureUnit.Euro, "Assumption: business smartphone price.", true),
        new(350m, FigureUnit.Euro, "Assumption: 30 % cheaper than new, as for refurbished laptops in Ireland's framework.", true),
        new(
            10m,
            FigureUnit.KgCo2e,
            "Assumption based on ADEME (2022): a refurbished phone has 64–87 % lower yearly impact than a new one.",
            true),
        new(80m, FigureUnit.Euro, "Assumption: replacement battery fitted by a repairer.", true),
        new(50m, FigureUnit.Euro, "Assumption: take-back payment for a 3-year-old smartphone.", true),
        new(5m, FigureUnit.Euro, "Assumption: certified data erasure and recycling per device.", true),
        new(10m, FigureUnit.EuroPerYear, "Assumption: small repairs and support per device.", true));

    public static DeviceDefaults For(DeviceType type) => type switch
    {
        DeviceType.Smartphone => Smartphone,
        _ => Laptop,
    };

    /// <summary>
    /// Embodied emissions avoided by using a device <paramref name="expectedYearsOfUse"/> years instead of the baseline:
    /// within one baseline lifetime the device uses up only baseline ÷ expected of its embodied emissions,
    /// so avoided = embodied × (1 − baseline ÷ expected). Negative when devices are used shorter than the baseline.
    /// </summary>
    public decimal AvoidedKgCo2ePerDevice(decimal expectedYearsOfUse) =>
        expectedYearsOfUse <= 0 ? 0 : EmbodiedKgCo2e.Value * (1 - (BaselineYearsOfUse.Value / expectedYearsOfUse));
}

/// <summary>
/// The 2030 ambition the impact pages measure progress against. The pact has not published numbers, so these are
/// working targets of this portal, shown as assumptions: every tender applies the shared criteria by 2030, on a
/// straight path from none in the pact's first year.
/// </summary>
public static class PactAmbition
{
    public const int StartYear = 2021;
    public const int TargetYear = 2030;
    public const double TargetSharePercent = 100;

    /// <summary>
    /// The share (percent) of tenders applying the shared criteria that the straight path expects in <paramref name="year"/>.
    /// </summary>
    public static double PathPercent(int year) =>
        Math.Clamp((year - StartYear) * TargetSharePercent / (TargetYear - StartYear), 0, TargetSharePercent);

    /// <summary>The device type of a product group's address name (laptops, smartphones); null for others.</summary>
    public static DeviceType? DeviceTypeOf(string productGroupSlug) => productGroupSlug switch
    {
        "laptops" => DeviceType.Laptop,
        "smartphones" => DeviceType.Smartphone,
        _ => null,
    };
}
