namespace CircularIctPact.Web.Features.SingleSignOn;

/// <summary>
/// Marker for the single sign-on texts in Resources/Features/SingleSignOn/SingleSignOnText.{nl,fr,de}.resx; keys are the English texts.
/// </summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<SingleSignOnText>.
internal sealed class SingleSignOnText;
#pragma warning restore CA1812
