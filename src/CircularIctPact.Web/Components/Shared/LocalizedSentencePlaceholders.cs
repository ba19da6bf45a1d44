using System.Text.RegularExpressions;

namespace CircularIctPact.Web.Components.Shared;

/// <summary>The placeholders <see cref="LocalizedSentence"/> fills: {0} to {3}.</summary>
internal static partial class LocalizedSentencePlaceholders
{
    [GeneratedRegex(@"\{([0-3])\}")]
    public static partial Regex Pattern();
}
