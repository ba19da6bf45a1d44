namespace CircularIctPact.Web.Features.Discussions;

/// <summary>
/// Marker for the discussion pages' texts in Resources/Features/Discussions/DiscussionsText.{nl,fr,de}.resx; keys are the English texts.
/// </summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<DiscussionsText>.
internal sealed class DiscussionsText;
#pragma warning restore CA1812
