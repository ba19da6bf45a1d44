namespace CircularIctPact.Web.Features.Administrators;

/// <summary>Marker for the administrator set-up texts in Resources/Features/Administrators/AdministratorsText.{nl,fr,de}.resx.</summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<AdministratorsText>.
internal sealed class AdministratorsText;
#pragma warning restore CA1812
