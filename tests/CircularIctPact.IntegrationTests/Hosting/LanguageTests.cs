using System.Net;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Hosting;

public sealed class LanguageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Culture_query_switches_the_interface_and_the_html_lang()
    {
        var page = await portal.CreateClient().GetStringAsync("/?culture=nl");

        Assert.Contains("<html lang=\"nl\"", page, StringComparison.Ordinal);
        Assert.Contains("Het pact vandaag", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-DE,de;q=0.9,en;q=0.5", "de", "Der Pakt heute")]
    [InlineData("fr-BE,fr;q=0.9", "fr", "Le pacte aujourd")]
    [InlineData("es-ES", "en", "The pact today")]
    public async Task First_visit_follows_the_browser_language(string acceptLanguage, string expectedLang, string expectedText)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        var page = await client.GetStringAsync("/");

        Assert.Contains($"<html lang=\"{expectedLang}\"", page, StringComparison.Ordinal);
        Assert.Contains(expectedText, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chosen_language_is_remembered_by_cookie_and_on_the_account()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(client, DemoAccounts.Chair);

        var switched = await FormSignIn.PostFormAsync(
            client,
            "/",
            "culture",
            new Dictionary<string, string> { ["culture"] = "de", ["returnUrl"] = "/" },
            action: "/preferences/culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("Der Pakt heute", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var otherBrowser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(otherBrowser, DemoAccounts.Chair);
        Assert.Contains("<html lang=\"de\"", await otherBrowser.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_language_is_refused_with_a_problem_description()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await FormSignIn.PostFormAsync(
            client,
            "/",
            "culture",
            new Dictionary<string, string> { ["culture"] = "xx" },
            action: "/preferences/culture");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not one of the portal's languages", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Criteria_follow_the_interface_language_unless_the_address_names_one()
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "nl-BE,nl;q=0.9");

        var dutch = await client.GetStringAsync("/criteria?productGroup=smartphones&theme=RepairabilityAndSpareParts");
        var english = await client.GetStringAsync("/criteria?productGroup=smartphones&theme=RepairabilityAndSpareParts&lang=en");

        // The theme names around the criteria stay in the interface language (Dutch) on both pages.
        Assert.Contains("Repareerbaarheidsklasse B of beter", dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("Repareerbaarheidsklasse B of beter", english, StringComparison.Ordinal);
        Assert.Contains("<td lang=\"en\">", english, StringComparison.Ordinal);
    }
}
