namespace CircularIctPact.Web.Features.Knowledge;

/// <summary>Marker for the good-practice and library texts in Resources/Features/Knowledge/KnowledgeText.{nl,fr,de}.resx.</summary>
#pragma warning disable CA1812 // Used only as the type argument of IStringLocalizer<KnowledgeText>.
internal sealed class KnowledgeText;
#pragma warning restore CA1812
