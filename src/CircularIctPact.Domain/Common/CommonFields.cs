using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Domain.Common;

/// <summary>Form fields that rules of several features and the shared value objects name.</summary>
public static class CommonFields
{
    /// <summary>An uploaded file.</summary>
    public static readonly FormField File = new("File");

    /// <summary>The default field of <see cref="CountryCode.Parse"/>.</summary>
    public static readonly FormField Country = new("Country");

    /// <summary>The default field of <see cref="EmailAddress.Parse"/>.</summary>
    public static readonly FormField Email = new("E-mail");

    /// <summary>The language a member writes a text in, and of each of its translations.</summary>
    public static readonly FormField Language = new("Language");

    /// <summary>The inputs of one translation of a member's text, e.g. <c>Translations[nl].Title</c>.</summary>
    public static FormField Translation(CriteriaLanguage language) => new($"Translations[{language.Code()}]");
}
