namespace CircularIctPact.Web.Features.Members;

/// <summary>
/// Marker for the member list's own texts in Resources/Features/Members/MembersText.{nl,fr,de}.resx; keys are the English texts.
/// </summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<MembersText>.
internal sealed class MembersText;
#pragma warning restore CA1812
