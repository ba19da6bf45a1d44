using System.Globalization;
using System.Text;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Impact;
using CircularIctPact.Web.Components.Shared;
using Microsoft.Extensions.Primitives;

namespace CircularIctPact.Web.Features.Calculator;

/// <summary>
/// The calculator's inputs exactly as typed, read from and written to the address's query, so the
/// address is the share link. Scenario fields are named <c>s{index}.{property}</c>, shared fields by
/// their <see cref="CalculationInput"/> property; errors use the domain's fields (<see cref="LifeCycleCalculatorFields"/>).
/// </summary>
public sealed class CalculatorForm
{
    public const string TypeKey = "type";
    public const string CountKey = "n";

    /// <summary>The scenario fields in the order the form shows them.</summary>
    public static readonly FormField[] ScenarioFields =
    [
        LifeCycleCalculatorFields.Name,
        LifeCycleCalculatorFields.PurchasePrice,
        LifeCycleCalculatorFields.YearsOfUse,
        LifeCycleCalculatorFields.EnergyKwhPerYear,
        LifeCycleCalculatorFields.MaintenancePerYear,
        LifeCycleCalculatorFields.PartReplacementCost,
        LifeCycleCalculatorFields.PartReplacementYear,
        LifeCycleCalculatorFields.RefurbishmentCost,
        LifeCycleCalculatorFields.ResidualValue,
        LifeCycleCalculatorFields.EndOfLifeCost,
        LifeCycleCalculatorFields.EmbodiedKgCo2e,
    ];

    public static readonly FormField[] SharedFields =
    [
        LifeCycleCalculatorFields.EnergyPricePerKwh,
        LifeCycleCalculatorFields.GridKgCo2ePerKwh,
        LifeCycleCalculatorFields.DiscountRatePercent,
    ];

    public DeviceType DeviceType { get; set; }

    public Dictionary<string, string> Shared { get; } = new(StringComparer.Ordinal);

    public List<Dictionary<string, string>> Scenarios { get; } = [];

    public static string ScenarioKey(int index, string field) => $"s{index.ToString(CultureInfo.InvariantCulture)}.{field}";

    /// <summary>The defaults for a device type, with scenario names from <paramref name="name"/>.</summary>
    public static CalculatorForm Defaults(DeviceType type, Func<ScenarioInput, int, string> name)
    {
        var input = LifeCycleCalculator.DefaultsFor(type);
        var form = new CalculatorForm { DeviceType = type };
        form.Shared[nameof(CalculationInput.EnergyPricePerKwh)] = Format(input.EnergyPricePerKwh);
        form.Shared[nameof(CalculationInput.GridKgCo2ePerKwh)] = Format(input.GridKgCo2ePerKwh);
        form.Shared[nameof(CalculationInput.DiscountRatePercent)] = Format(input.DiscountRatePercent);
        for (var index = 0; index < input.Scenarios.Count; index++)
        {
            var s = input.Scenarios[index];
            form.Scenarios.Add(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [nameof(ScenarioInput.Name)] = name(s, index),
                [nameof(ScenarioInput.PurchasePrice)] = Format(s.PurchasePrice),
                [nameof(ScenarioInput.YearsOfUse)] = Format(s.YearsOfUse),
                [nameof(ScenarioInput.EnergyKwhPerYear)] = Format(s.EnergyKwhPerYear),
                [nameof(ScenarioInput.MaintenancePerYear)] = Format(s.MaintenancePerYear),
                [nameof(ScenarioInput.PartReplacementCost)] = Format(s.PartReplacementCost),
                [nameof(ScenarioInput.PartReplacementYear)] = s.PartReplacementYear is { } year ? Format(year) : string.Empty,
                [nameof(ScenarioInput.RefurbishmentCost)] = Format(s.RefurbishmentCost),
                [nameof(ScenarioInput.ResidualValue)] = Format(s.ResidualValue),
                [nameof(ScenarioInput.EndOfLifeCost)] = Format(s.EndOfLifeCost),
                [nameof(ScenarioInput.EmbodiedKgCo2e)] = Format(s.EmbodiedKgCo2e),
            });
        }

        return form;
    }

    /// <summary>Reads the form from a query; null when the query holds no calculation.</summary>
    public static CalculatorForm? Read(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        if (!values.TryGetValue(CountKey, out var countText) || !int.TryParse(countText, CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }

        var form = new CalculatorForm
        {
            DeviceType = Enum.TryParse<DeviceType>(values.GetValueOrDefault(TypeKey), ignoreCase: true, out var type)
                && Enum.IsDefined(type)
                ? type
                : DeviceType.Laptop,
        };
        foreach (var field in SharedFields)
        {
            form.Shared[field.Key] = values.GetValueOrDefault(field.Key, string.Empty).Trim();
        }

        for (var index = 0; index < Math.Clamp(count, 0, LifeCycleCalculator.MaxScenarios); index++)
        {
            form.Scenarios.Add(ScenarioFields.ToDictionary(
                field => field.Key,
                field => values.GetValueOrDefault(ScenarioKey(index, field.Key), string.Empty).Trim(),
                StringComparer.Ordinal));
        }

        return form;
    }

    /// <summary>The query that reproduces this form (without "?"), used for share links, saving and export.</summary>
    public string ToQuery()
    {
        var builder = new StringBuilder();
        Append(builder, TypeKey, DeviceType.ToString().ToLowerInvariant());
        Append(builder, CountKey, Format(Scenarios.Count));
        foreach (var field in SharedFields)
        {
            Append(builder, field.Key, Shared.GetValueOrDefault(field.Key, string.Empty));
        }

        for (var index = 0; index < Scenarios.Count; index++)
        {
            foreach (var field in ScenarioFields)
            {
                Append(builder, ScenarioKey(index, field.Key), Scenarios[index].GetValueOrDefault(field.Key, string.Empty));
            }
        }

        return builder.ToString();
    }

    public string Value(int index, string field) => Scenarios[index].GetValueOrDefault(field, string.Empty);

    /// <summary>Adds a copy of the last scenario (renamed), up to the maximum.</summary>
    public void AddScenario(string name)
    {
        if (Scenarios.Count is 0 or >= LifeCycleCalculator.MaxScenarios)
        {
            return;
        }

        Scenarios.Add(new Dictionary<string, string>(Scenarios[^1], StringComparer.Ordinal) { [nameof(ScenarioInput.Name)] = name });
    }

    public void RemoveScenario(int index)
    {
        if (index >= 0 && index < Scenarios.Count)
        {
            Scenarios.RemoveAt(index);
        }
    }

    /// <summary>Turns the typed text into numbers; a field that is not a number gets its message in <paramref name="errors"/>.</summary>
    public CalculationInput? ToInput(FieldErrors errors, string notANumber, string notWholeYears)
    {
        var unreadable = false;
        decimal Number(string text, FormField field)
        {
            if (text.Length == 0)
            {
                return 0m;
            }

            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors.Add(field, notANumber);
            unreadable = true;
            return 0m;
        }

        int? Years(string text, FormField field)
        {
            if (text.Length == 0)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors.Add(field, notWholeYears);
            unreadable = true;
            return 0;
        }

        static FormField Row(int index, FormField input) => LifeCycleCalculatorFields.Scenario(index, input);

        var scenarios = Scenarios.Select((fields, index) => new ScenarioInput(
            fields[nameof(ScenarioInput.Name)],
            Number(fields[nameof(ScenarioInput.PurchasePrice)], Row(index, LifeCycleCalculatorFields.PurchasePrice)),
            Years(fields[nameof(ScenarioInput.YearsOfUse)], Row(index, LifeCycleCalculatorFields.YearsOfUse)) ?? 0,
            Number(fields[nameof(ScenarioInput.EnergyKwhPerYear)], Row(index, LifeCycleCalculatorFields.EnergyKwhPerYear)),
            Number(fields[nameof(ScenarioInput.MaintenancePerYear)], Row(index, LifeCycleCalculatorFields.MaintenancePerYear)),
            Number(fields[nameof(ScenarioInput.PartReplacementCost)], Row(index, LifeCycleCalculatorFields.PartReplacementCost)),
            Years(fields[nameof(ScenarioInput.PartReplacementYear)], Row(index, LifeCycleCalculatorFields.PartReplacementYear)),
            Number(fields[nameof(ScenarioInput.RefurbishmentCost)], Row(index, LifeCycleCalculatorFields.RefurbishmentCost)),
            Number(fields[nameof(ScenarioInput.ResidualValue)], Row(index, LifeCycleCalculatorFields.ResidualValue)),
            Number(fields[nameof(ScenarioInput.EndOfLifeCost)], Row(index, LifeCycleCalculatorFields.EndOfLifeCost)),
            Number(fields[nameof(ScenarioInput.EmbodiedKgCo2e)], Row(index, LifeCycleCalculatorFields.EmbodiedKgCo2e)))).ToList();
        var input = new CalculationInput(
            DeviceType,
            Number(Shared[nameof(CalculationInput.EnergyPricePerKwh)], LifeCycleCalculatorFields.EnergyPricePerKwh),
            Number(Shared[nameof(CalculationInput.GridKgCo2ePerKwh)], LifeCycleCalculatorFields.GridKgCo2ePerKwh),
            Number(Shared[nameof(CalculationInput.DiscountRatePercent)], LifeCycleCalculatorFields.DiscountRatePercent),
            scenarios);
        var problems = LifeCycleCalculator.Problems(input);
        foreach (var problem in problems.Where(problem => !errors.Has(problem.Field ?? FieldErrors.General)))
        {
            errors.Add(problem);
        }

        return unreadable || problems.Count > 0 ? null : input;
    }

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Append(StringBuilder builder, string key, string value)
    {
        if (builder.Length > 0)
        {
            builder.Append('&');
        }

        builder.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
    }
}
