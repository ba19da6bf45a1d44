using System.Globalization;
using CircularIctPact.Web.Features.Common;

namespace CircularIctPact.IntegrationTests.Common;

/// <summary>Countries are named in the interface language from the runtime's ICU data, whatever language a code came in.</summary>
public sealed class CountryNamesTests
{
    [Theory]
    [InlineData("en", "NL", "Netherlands")]
    [InlineData("nl", "NL", "Nederland")]
    [InlineData("fr", "NL", "Pays-Bas")]
    [InlineData("de", "NL", "Niederlande")]
    [InlineData("nl", "BE", "België")]
    [InlineData("fr", "DE", "Allemagne")]
    [InlineData("de", "GB", "Vereinigtes Königreich")]
    [InlineData("nl", "CH", "Zwitserland")]
    [InlineData("en", "AQ", "Antarctica")]
    public void A_country_is_named_in_the_interface_language(string language, string code, string expected)
    {
        Assert.Equal(expected, InLanguage(language, () => CountryNames.Of(code)));
    }

    [Fact]
    public void A_code_in_lower_case_or_with_spaces_names_the_same_country()
    {
        Assert.Equal("Oostenrijk", InLanguage("nl", () => CountryNames.Of(" at ")));
    }

    [Fact]
    public void A_name_read_in_one_language_is_not_shown_in_another()
    {
        InLanguage("fr", () => CountryNames.Of("BE"));

        Assert.Equal("Belgien", InLanguage("de", () => CountryNames.Of("BE")));
    }

    [Fact]
    public void A_missing_code_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CountryNames.Of(" "));
    }

    private static string InLanguage(string language, Func<string> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
