namespace CircularIctPact.Web.Features.Criteria;

/// <summary>
/// Marker for the texts of criteria export and import in Resources/Features/Criteria/CriteriaExchangeText.{nl,fr,de}.resx; keys are the
/// English texts.
/// </summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<CriteriaExchangeText>.
internal sealed class CriteriaExchangeText;
#pragma warning restore CA1812
