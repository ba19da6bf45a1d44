namespace CircularIctPact.Web.Features.Demand;

/// <summary>
/// Marker for the demand dashboard and market signal texts in Resources/Features/Demand/DemandText.{nl,fr,de}.resx; keys are the English
/// texts.
/// </summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<DemandText>.
internal sealed class DemandText;
#pragma warning restore CA1812
