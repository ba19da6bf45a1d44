using System.Globalization;
using CircularIctPact.Domain.Impact;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.Web.Features.Common;

/// <summary>Amounts in euro and default figures with their unit, written the way the interface language writes them.</summary>
public static class FigureText
{
    /// <summary>An amount in euro whatever the interface language; the formatting culture places the sign and separators
    /// (€1,000.00, € 1.000,00, 1 000,00 €).</summary>
    public static string Euro(decimal value, int decimals = 2)
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = "€";
        return value.ToString("C" + decimals.ToString(CultureInfo.InvariantCulture), format);
    }

    /// <summary>A default figure with its unit, from the shared resources <paramref name="texts"/>.</summary>
    public static string Of(IStringLocalizer texts, SourcedFigure figure)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(figure);
        var value = figure.Value;
        var number = value.ToString("0.##", CultureInfo.CurrentCulture);
        var euro = Euro(value, decimal.IsInteger(value) ? 0 : 2);
        return figure.Unit switch
        {
            FigureUnit.Years when decimal.IsInteger(value) => texts.Count((int)value, "{0} year", "{0} years"),
            FigureUnit.Years => texts["{0} years", number],
            FigureUnit.Euro => euro,
            FigureUnit.EuroPerYear => texts["{0} per year", euro],
            FigureUnit.EuroPerKwh => texts["{0} per kWh", euro],
            FigureUnit.KwhPerYear => texts["{0} kWh per year", number],
            FigureUnit.KgCo2e => texts["{0} kg CO2e", number],
            FigureUnit.KgCo2ePerKwh => texts["{0} kg CO2e per kWh", number],
            _ => throw new ArgumentOutOfRangeException(nameof(figure), figure.Unit, "A figure unit without a text."),
        };
    }
}
