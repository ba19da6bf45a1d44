using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Tests;

public sealed class ValueObjectTests
{
    [Theory]
    [InlineData("nl", "NL")]
    [InlineData(" be ", "BE")]
    [InlineData("GB", "GB")]
    public void Country_code_is_normalised_to_upper_case(string input, string expected) =>
        Assert.Equal(expected, CountryCode.Parse(input).Value);

    [Theory]
    [InlineData("XX")]
    [InlineData("NLD")]
    [InlineData("UK")]
    public void Country_code_that_is_not_iso_3166_is_rejected_with_a_specific_message(string input)
    {
        var error = Assert.Throws<DomainException>(() => CountryCode.Parse(input));

        Assert.Contains("ISO 3166", error.Message, StringComparison.Ordinal);
        Assert.Equal(CommonFields.Country, error.Field);
    }

    [Theory]
    [InlineData("someone@example")]
    [InlineData("not an address")]
    [InlineData("a@b@c.org")]
    public void Malformed_email_is_rejected(string input) =>
        Assert.Throws<DomainException>(() => EmailAddress.Parse(input));

    [Fact]
    public void Valid_email_is_kept_trimmed() =>
        Assert.Equal("anna@gemeente.example.nl", EmailAddress.Parse("  anna@gemeente.example.nl ").Value);
}
