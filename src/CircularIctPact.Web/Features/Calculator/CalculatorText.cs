namespace CircularIctPact.Web.Features.Calculator;

/// <summary>Marker for the calculator's texts in Resources/Features/Calculator/CalculatorText.{nl,fr,de}.resx.</summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<CalculatorText>.
internal sealed class CalculatorText;
#pragma warning restore CA1812
