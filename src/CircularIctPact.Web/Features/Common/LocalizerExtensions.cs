using Microsoft.Extensions.Localization;

namespace CircularIctPact.Web.Features.Common;

/// <summary>
/// Shows messages that come from the domain and the services (kept in English there, because logs,
/// exports and tests read them) in the interface language: the English text is the resource key, so
/// a message without a translation, such as one that names a record, stays readable in English.
/// </summary>
public static class LocalizerExtensions
{
    public static string? Translate(this IStringLocalizer localizer, string? message)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return string.IsNullOrEmpty(message) ? message : localizer[message].Value;
    }
}
