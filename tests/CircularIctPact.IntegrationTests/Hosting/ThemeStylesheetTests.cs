using System.Net;
using System.Text.RegularExpressions;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Hosting;

public sealed partial class ThemeStylesheetTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string LightBackground = "--mud-palette-background: rgba(246,248,247,1)";
    private const string DarkBackground = "--mud-palette-background: rgba(15,21,18,1)";

    [Fact]
    public async Task Pages_link_the_stylesheet_of_the_chosen_theme_instead_of_writing_it_into_the_page()
    {
        var cookieless = new WebApplicationFactoryClientOptions { HandleCookies = false };
        using var light = portal.CreateClient(cookieless);
        using var dark = portal.CreateClient(cookieless);
        dark.DefaultRequestHeaders.Add("Cookie", "cfit.theme=dark");

        var lightPage = await light.GetStringAsync("/privacy");
        var darkPage = await dark.GetStringAsync("/privacy");
        var lightSheet = await light.GetAsync(StylesheetAddress(lightPage));
        var darkSheet = await dark.GetAsync(StylesheetAddress(darkPage));

        Assert.DoesNotContain("--mud-palette-", lightPage, StringComparison.Ordinal);
        Assert.StartsWith("theme/light.css?v=", StylesheetAddress(lightPage), StringComparison.Ordinal);
        Assert.StartsWith("theme/dark.css?v=", StylesheetAddress(darkPage), StringComparison.Ordinal);
        Assert.Equal("text/css", lightSheet.Content.Headers.ContentType?.MediaType);
        Assert.Contains(LightBackground, await lightSheet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(DarkBackground, await darkSheet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(LightBackground, await darkSheet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_current_version_of_a_stylesheet_is_kept_by_browsers_and_an_older_one_is_checked_each_time()
    {
        using var client = portal.CreateClient();
        var current = StylesheetAddress(await client.GetStringAsync("/privacy"));

        var versioned = await client.GetAsync(current);
        var outdated = await client.GetAsync("/theme/light.css?v=0000000000000000");

        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, outdated.StatusCode);
        Assert.True(outdated.Headers.CacheControl?.NoCache, "A stylesheet asked for by another version must not be kept for a year.");
    }

    [Fact]
    public async Task An_unknown_theme_is_not_found()
    {
        var response = await portal.CreateClient().GetAsync("/theme/blue.css");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string StylesheetAddress(string page) => ThemeLink().Match(page) is { Success: true } link
        ? WebUtility.HtmlDecode(link.Groups["href"].Value)
        : throw new Xunit.Sdk.XunitException("The page links no theme stylesheet.");

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>theme/[^\"]+)\"")]
    private static partial Regex ThemeLink();
}
