namespace CircularIctPact.Web.Features.Tenders;

/// <summary>
/// Marker for the tender and tender-calendar texts in Resources/Features/Tenders/TendersText.{nl,fr,de}.resx; keys are the English texts.
/// </summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<TendersText>.
internal sealed class TendersText;
#pragma warning restore CA1812
