namespace CircularIctPact.Web.Features.Consultations;

/// <summary>Marker for the consultation pages' texts in Resources/Features/Consultations/ConsultationsText.{nl,fr,de}.resx.</summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<ConsultationsText>.
internal sealed class ConsultationsText;
#pragma warning restore CA1812
