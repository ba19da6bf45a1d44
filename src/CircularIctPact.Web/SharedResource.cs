namespace CircularIctPact.Web;

/// <summary>
/// Marker for the portal's interface texts in Resources/SharedResource.{nl,fr,de}.resx. Keys are the
/// English texts, so a missing translation shows English rather than a key.
/// </summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<SharedResource>.
internal sealed class SharedResource;
#pragma warning restore CA1812
