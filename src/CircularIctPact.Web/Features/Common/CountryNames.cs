using System.Collections.Concurrent;
using System.Globalization;

namespace CircularIctPact.Web.Features.Common;

/// <summary>
/// Country names in the interface language, from the ICU data the runtime carries, so that no page shows a stored
/// English name. <see cref="RegionInfo.DisplayName"/> does not follow the interface language under ICU, but a
/// culture's display name does: the name of the undetermined language in a country ("Unknown language (Netherlands)",
/// "langue indéterminée (Pays-Bas)") holds the country's name between its brackets, for every assigned ISO code.
/// </summary>
public static class CountryNames
{
    private static readonly ConcurrentDictionary<(string Language, string Code), string> Known = new();

    /// <summary>The name of the country with ISO 3166 code <paramref name="code"/> in the current interface language;
    /// the code itself when the runtime knows no name for it.</summary>
    public static string Of(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var normalised = code.Trim().ToUpperInvariant();
        return Known.GetOrAdd((CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, normalised), key => Lookup(key.Code));
    }

    private static string Lookup(string code)
    {
        string displayName;
        try
        {
            displayName = CultureInfo.GetCultureInfo($"und-{code}").DisplayName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }

        var open = displayName.IndexOf('(', StringComparison.Ordinal);
        var close = displayName.LastIndexOf(')');
        return open >= 0 && close > open + 1 ? displayName[(open + 1)..close] : code;
    }
}
