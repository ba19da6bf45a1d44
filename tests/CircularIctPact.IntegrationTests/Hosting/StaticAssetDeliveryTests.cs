using AngleSharp.Html.Parser;
using CircularIctPact.Testing;

namespace CircularIctPact.IntegrationTests.Hosting;

public sealed class StaticAssetDeliveryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int FirstVisitBudgetBytes = 300 * 1024;
    private const string AcceptedEncodings = "br, gzip";

    [Fact]
    public async Task First_visit_of_the_home_page_transfers_under_300_KB_with_every_stylesheet_and_script_compressed()
    {
        using var client = portal.CreateClient();
        using var page = await GetAsync(client, "/", AcceptedEncodings);
        var total = (await page.Content.ReadAsByteArrayAsync()).Length;
        var assets = AssetsOf(await page.Content.ReadAsStringAsync());

        var uncompressed = new List<string>();
        foreach (var asset in assets)
        {
            using var response = await GetAsync(client, asset, AcceptedEncodings);
            response.EnsureSuccessStatusCode();
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
            if (!response.Content.Headers.ContentEncoding.Any(encoding => encoding is "br" or "gzip"))
            {
                uncompressed.Add(asset);
            }
        }

        Assert.Contains(
            assets,
            asset => asset.Contains("MudBlazor.min", StringComparison.Ordinal) && asset.EndsWith(".css", StringComparison.Ordinal));
        Assert.Empty(uncompressed);
        Assert.True(
            total <= FirstVisitBudgetBytes,
            $"The first visit transferred {total:N0} bytes; the budget is {FirstVisitBudgetBytes:N0}.");
    }

    [Fact]
    public async Task Fingerprinted_stylesheets_and_scripts_are_kept_by_browsers_for_a_year()
    {
        using var client = portal.CreateClient();
        var assets = AssetsOf(await client.GetStringAsync("/"));

        var notImmutable = new List<string>();
        foreach (var asset in assets)
        {
            using var response = await GetAsync(client, asset, AcceptedEncodings);
            var caching = response.Headers.CacheControl;
            if (caching?.MaxAge is not { } maxAge || maxAge < TimeSpan.FromDays(365) || !caching.Extensions.Any(e => e.Name == "immutable"))
            {
                notImmutable.Add($"{asset}: {caching}");
            }
        }

        Assert.NotEmpty(assets);
        Assert.Empty(notImmutable);
    }

    [Fact]
    public async Task A_browser_that_accepts_no_compression_gets_the_stylesheet_as_it_is()
    {
        using var client = portal.CreateClient();
        var stylesheet = AssetsOf(await client.GetStringAsync("/"))
            .First(asset => asset.Contains("MudBlazor.min", StringComparison.Ordinal) && asset.EndsWith(".css", StringComparison.Ordinal));

        using var plain = await GetAsync(client, stylesheet, acceptEncoding: null);
        using var compressed = await GetAsync(client, stylesheet, AcceptedEncodings);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("MudBlazor (https://mudblazor.com/)", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await compressed.Content.ReadAsByteArrayAsync()).Length * 4 < (await plain.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task The_unversioned_address_of_an_asset_is_checked_with_the_server_each_time()
    {
        using var client = portal.CreateClient();

        using var response = await GetAsync(client, "/app.css", AcceptedEncodings);

        Assert.True(response.Headers.CacheControl?.NoCache, "An address without a fingerprint must not be kept for a year.");
    }

    /// <summary>The stylesheets and scripts a page links, in the order it links them.</summary>
    private static List<string> AssetsOf(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return [.. document.QuerySelectorAll("link[rel=stylesheet]").Select(link => link.GetAttribute("href"))
            .Concat(document.QuerySelectorAll("script[src]").Select(script => script.GetAttribute("src")))
            .OfType<string>()
            .Select(address => "/" + address.TrimStart('/'))];
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string address, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await client.SendAsync(request);
    }
}
