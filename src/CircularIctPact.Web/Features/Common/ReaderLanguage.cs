using System.Globalization;
using CircularIctPact.Domain.Criteria;

namespace CircularIctPact.Web.Features.Common;

/// <summary>The language a person reads the portal in, which members' texts are shown in wherever they have it.</summary>
public static class ReaderLanguage
{
    /// <summary>The interface language of this request or circuit; English when it is none of the portal's.</summary>
    public static CriteriaLanguage Current =>
        CriteriaLanguages.TryParse(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var language)
            ? language
            : CriteriaLanguages.Source;
}
