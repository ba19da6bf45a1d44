using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.Web.Features.Common;

/// <summary>
/// Counted texts in the interface language: each takes a resource for one and one for more, both with the count as {0}.
/// French counts zero as singular ("0 critère trouvé"); English, Dutch and German use the singular for one only.
/// </summary>
public static class PluralText
{
    public static string Count(this IStringLocalizer texts, int count, string one, string other)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var singular = count == 1 || (count == 0 && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr");
        return texts[singular ? one : other, count].Value;
    }
}
