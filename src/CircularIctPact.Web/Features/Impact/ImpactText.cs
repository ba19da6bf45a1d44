namespace CircularIctPact.Web.Features.Impact;

/// <summary>Marker for the impact and self-assessment texts in Resources/Features/Impact/ImpactText.{nl,fr,de}.resx.</summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<ImpactText>.
internal sealed class ImpactText;
#pragma warning restore CA1812
