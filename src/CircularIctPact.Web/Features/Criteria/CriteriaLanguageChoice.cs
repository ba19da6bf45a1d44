using System.Globalization;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>Which language criteria are shown in on the public pages.</summary>
public static class CriteriaLanguageChoice
{
    /// <summary>
    /// The <c>lang</c> of the address when it names one; otherwise the person's interface language,
    /// so someone reading the portal in Dutch also gets the criteria in Dutch.
    /// </summary>
    public static CriteriaLanguage From(string? lang) =>
        CriteriaLanguages.TryParse(lang, out var chosen) ? chosen
        : CriteriaLanguages.TryParse(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var interfaceLanguage) ? interfaceLanguage
        : CriteriaLanguages.Source;
}
