using System.Collections.Frozen;
using System.Globalization;
using System.Resources;
using System.Text;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.Web.Features.Members;

/// <summary>
/// The values of a member file (template, export, import) as people read them: sector, size and spend as the words of
/// the member form in the interface language. Reading accepts those words in any interface language, the code values,
/// and country names besides ISO codes, so a file written in one language imports in another.
/// </summary>
public static class MemberFileValues
{
    private static readonly ResourceManager SharedTexts =
        new("CircularIctPact.Web.Resources.SharedResource", typeof(MemberFileValues).Assembly);

    private static readonly string[] Languages = ["en", "nl", "fr", "de"];

    private static readonly FrozenDictionary<string, string> CountryCodesByName = CountryNames();

    public static string Sector(Sector sector) => Text(EnumText.Sector(sector), CultureInfo.CurrentUICulture);

    public static string Size(SizeBand size) => Text(size.ToString(), CultureInfo.CurrentUICulture);

    public static string Spend(IctSpendBand spend) => Text(spend.ToString(), CultureInfo.CurrentUICulture);

    /// <summary>The words a cell may hold for <typeparamref name="TEnum"/>, in the interface language.</summary>
    public static IEnumerable<string> Words<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(value => Text(Key(value), CultureInfo.CurrentUICulture));

    /// <summary>Reads a sector, size or spend written as its code or as its word in any interface language.</summary>
    public static bool TryParse<TEnum>(string value, out TEnum result)
        where TEnum : struct, Enum
    {
        var folded = Fold(value);
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            var key = Key(candidate);
            if (Fold(candidate.ToString()) == folded || Fold(key) == folded
                || Languages.Any(language => Fold(Text(key, CultureInfo.GetCultureInfo(language))) == folded))
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }

    /// <summary>Reads an ISO 3166 code or a country's name in English, Dutch, French or German ("Pays-Bas" is NL).</summary>
    public static bool TryParseCountry(string value, out string code)
    {
        if (CountryCode.IsValid(value))
        {
            code = value.Trim().ToUpperInvariant();
            return true;
        }

        return CountryCodesByName.TryGetValue(Fold(value), out code!);
    }

    /// <summary>Letters and digits only, lower case, without accents: "België" and "belgie" are the same word.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(character))
            {
                builder.Append(char.ToLowerInvariant(character));
            }
        }

        return builder.ToString();
    }

    private static string Key<TEnum>(TEnum value)
        where TEnum : struct, Enum => value is Sector sector ? EnumText.Sector(sector) : value.ToString();

    private static string Text(string key, CultureInfo culture) => SharedTexts.GetString(key, culture) ?? key;

    /// <summary>The names .NET's region data gives every country in the interface languages, folded.</summary>
    private static FrozenDictionary<string, string> CountryNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var regions = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(culture => new RegionInfo(culture.Name))
            .Where(region => CountryCode.IsValid(region.TwoLetterISORegionName))
            .DistinctBy(region => region.TwoLetterISORegionName, StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var code = region.TwoLetterISORegionName;
            names.TryAdd(Fold(region.EnglishName), code);
            foreach (var language in Languages)
            {
                try
                {
                    names.TryAdd(Fold(new RegionInfo($"{language}-{code}").NativeName), code);
                }
                catch (ArgumentException)
                {
                    // This platform's region data has no such combination; the English name still counts.
                }
            }
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
