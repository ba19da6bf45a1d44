using System.Globalization;
using System.Net;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Performance;

/// <summary>The portal with the output cache on (its default) and the SQL command counter on, to see cache hits.</summary>
public sealed class CachingPortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Diagnostics:CountSqlQueries", "true");
    }
}

public sealed class OutputCacheTests(CachingPortal portal) : IClassFixture<CachingPortal>
{
    [Fact]
    public async Task Public_criteria_answers_come_from_the_cache_without_touching_the_database()
    {
        using var client = portal.CreateClient();

        var first = await QueriesAsync(client, "/api/v1/criteria?productGroup=smartphones&lang=de");
        var second = await QueriesAsync(client, "/api/v1/criteria?productGroup=smartphones&lang=de");
        var otherLanguage = await QueriesAsync(client, "/api/v1/criteria?productGroup=smartphones&lang=fr");

        Assert.True(first > 0);
        Assert.Equal(0, second);
        Assert.True(otherLanguage > 0, "Another query string must not be answered from the cache entry of the first.");
    }

    [Fact]
    public async Task Catalogue_page_is_cached_per_interface_culture()
    {
        // Without cookies, as a crawler or a first visit: a visitor with an antiforgery cookie gets a variant of their own.
        var cookieless = new WebApplicationFactoryClientOptions { HandleCookies = false };
        using var client = portal.CreateClient(cookieless);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");
        await QueriesAsync(client, "/criteria?productGroup=smartphones");
        var cachedDutch = await QueriesAsync(client, "/criteria?productGroup=smartphones");

        using var german = portal.CreateClient(cookieless);
        german.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        var firstGerman = await QueriesAsync(german, "/criteria?productGroup=smartphones");

        Assert.Equal(0, cachedDutch);
        Assert.True(firstGerman > 0, "A German visitor must not get the Dutch page from the cache.");
    }

    [Fact]
    public async Task Catalogue_page_is_cached_per_theme_and_moves_focus_only_after_enhanced_navigation()
    {
        var cookieless = new WebApplicationFactoryClientOptions { HandleCookies = false };
        using var light = portal.CreateClient(cookieless);
        var lightPage = await light.GetStringAsync("/criteria?productGroup=laptops&lang=en");

        using var dark = portal.CreateClient(cookieless);
        dark.DefaultRequestHeaders.Add("Cookie", "cfit.theme=dark");
        var darkPage = await dark.GetStringAsync("/criteria?productGroup=laptops&lang=en");

        using var enhanced = portal.CreateClient(cookieless);
        enhanced.DefaultRequestHeaders.Add("Accept", "text/html; blazor-enhanced-nav=on");
        var enhancedPage = await enhanced.GetStringAsync("/criteria?productGroup=laptops&lang=en");

        Assert.Contains("href=\"theme/light.css?v=", lightPage, StringComparison.Ordinal);
        Assert.Contains("href=\"theme/dark.css?v=", darkPage, StringComparison.Ordinal);
        Assert.DoesNotContain("theme/light.css", darkPage, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor-focus-on-navigate", lightPage, StringComparison.Ordinal);
        Assert.Contains("blazor-focus-on-navigate", enhancedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_people_never_get_a_cached_page()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(client, DemoAccounts.Procurer);

        await QueriesAsync(client, "/criteria?productGroup=laptops&lang=en");
        var again = await QueriesAsync(client, "/criteria?productGroup=laptops&lang=en");
        var page = await client.GetStringAsync("/criteria?productGroup=laptops&lang=en");

        Assert.True(again > 0);
        Assert.Contains("Sign out", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_a_criteria_version_drops_the_cached_answers()
    {
        using var client = portal.CreateClient();
        const string Address = "/api/v1/product-groups/smartphones/versions";
        await QueriesAsync(client, Address);
        Assert.Equal(0, await QueriesAsync(client, Address));

        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var draftId = await portal.WithServiceAsync<CriteriaEditor, Guid>(editor => editor.CreateDraftAsync("smartphones", null, admin));
        var draft = await portal.WithServiceAsync<CriteriaEditor, EditableSet>(editor => editor.GetAsync(draftId, admin));
        await portal.WithServiceAsync<CriteriaEditor>(editor => editor.SubmitForReviewAsync(draftId, draft.RowVersion, admin));
        draft = await portal.WithServiceAsync<CriteriaEditor, EditableSet>(editor => editor.GetAsync(draftId, admin));
        await portal.WithServiceAsync<CriteriaEditor>(editor => editor.PublishAsync(draftId, draft.RowVersion, new DateOnly(2026, 11, 20),
            new Dictionary<CriteriaLanguage, string> { [CriteriaLanguage.En] = "Reissued unchanged." }, admin));

        var afterPublication = await QueriesAsync(client, Address);
        var versions = await client.GetStringAsync(Address);

        Assert.True(afterPublication > 0, "The cached version list must be dropped when a version is published.");
        Assert.Contains("Superseded", versions, StringComparison.Ordinal);
    }

    private static async Task<int> QueriesAsync(HttpClient client, string address)
    {
        using var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return int.Parse(response.Headers.GetValues("X-Sql-Queries").Single(), CultureInfo.InvariantCulture);
    }
}
