using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using CircularIctPact.Testing;

namespace CircularIctPact.IntegrationTests.Criteria;

public sealed class CriteriaApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Criteria_of_the_latest_published_set_come_in_the_documented_shape()
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync("/api/v1/criteria?productGroup=laptops&lang=nl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("laptops", root.GetProperty("productGroup").GetString());
        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.Equal("2025-10-01", root.GetProperty("publishedOn").GetString());
        Assert.Equal("nl", root.GetProperty("language").GetString());
        var criteria = root.GetProperty("criteria").EnumerateArray().ToList();
        Assert.True(criteria.Count >= 25);
        var repair = criteria.Single(c => c.GetProperty("code").GetString() == "LAP-REP-02");
        Assert.Equal("RepairabilityAndSpareParts", repair.GetProperty("theme").GetString());
        Assert.Equal("Comprehensive", repair.GetProperty("ambitionLevel").GetString());
        Assert.Equal("TechnicalSpecification", repair.GetProperty("type").GetString());
        Assert.StartsWith("Voor elk aangeboden laptopmodel", repair.GetProperty("requirement").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(repair.GetProperty("verification").GetString()));
        Assert.False(string.IsNullOrEmpty(repair.GetProperty("explanatoryNote").GetString()));
        Assert.False(repair.GetProperty("isFallback").GetBoolean());
    }

    [Fact]
    public async Task Missing_German_translations_are_served_in_English_and_marked_as_fallback()
    {
        using var client = portal.CreateClient();

        var german = await GetJsonAsync(client, "/api/v1/criteria?productGroup=laptops&lang=de");
        var english = await GetJsonAsync(client, "/api/v1/criteria?productGroup=laptops&lang=en");

        var fallback = german.GetProperty("criteria").EnumerateArray().Where(c => c.GetProperty("isFallback").GetBoolean()).ToList();
        Assert.NotEmpty(fallback);
        foreach (var criterion in fallback)
        {
            var code = criterion.GetProperty("code").GetString();
            var source = english.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);
            Assert.Equal(source.GetProperty("requirement").GetString(), criterion.GetProperty("requirement").GetString());
        }

        Assert.Contains(german.GetProperty("criteria").EnumerateArray(), c => !c.GetProperty("isFallback").GetBoolean());
        Assert.All(english.GetProperty("criteria").EnumerateArray(), c => Assert.False(c.GetProperty("isFallback").GetBoolean()));
    }

    [Fact]
    public async Task An_older_version_can_be_asked_for_by_number()
    {
        using var client = portal.CreateClient();

        var old = await GetJsonAsync(client, "/api/v1/criteria?productGroup=smartphones&lang=fr&version=1.0");

        Assert.Equal("1.0", old.GetProperty("version").GetString());
        Assert.Equal("fr", old.GetProperty("language").GetString());
    }

    [Theory]
    [InlineData("/api/v1/criteria?productGroup=laptops&lang=es", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/criteria?lang=nl", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/criteria?productGroup=laptops&version=two", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/criteria?productGroup=typewriters&lang=nl", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/criteria?productGroup=laptops&version=7.0", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/product-groups/typewriters/versions", HttpStatusCode.NotFound)]
    public async Task Bad_requests_get_problem_details(string url, HttpStatusCode expected)
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Responses_carry_an_ETag_and_a_matching_If_None_Match_gets_304()
    {
        using var client = portal.CreateClient();

        using var first = await client.GetAsync("/api/v1/criteria?productGroup=smartphones&lang=nl");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl?.Public);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/criteria?productGroup=smartphones&lang=nl");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/criteria?productGroup=smartphones&lang=fr");
        other.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/v1/criteria?productGroup=laptops&lang=fr")]
    [InlineData("/api/v1/product-groups?lang=nl")]
    [InlineData("/api/v1/product-groups/laptops/versions")]
    public async Task The_ETag_is_the_hash_of_the_very_bytes_sent(string url)
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Product_groups_and_versions_are_listed()
    {
        using var client = portal.CreateClient();

        var groups = await GetJsonAsync(client, "/api/v1/product-groups?lang=fr");
        var versions = await GetJsonAsync(client, "/api/v1/product-groups/laptops/versions");

        Assert.Contains(groups.EnumerateArray(), g => g.GetProperty("slug").GetString() == "laptops"
            && g.GetProperty("name").GetString() == "Ordinateurs portables"
            && g.GetProperty("latestPublishedVersion").GetString() == "2.0");
        Assert.Contains(groups.EnumerateArray(), g => g.GetProperty("slug").GetString() == "smartphones");
        Assert.Equal(["2.0", "1.0"], versions.EnumerateArray().Select(v => v.GetProperty("version").GetString()));
        Assert.Equal(["Published", "Superseded"], versions.EnumerateArray().Select(v => v.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task OpenApi_document_describes_the_criteria_endpoints()
    {
        using var client = portal.CreateClient();

        var document = await GetJsonAsync(client, "/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/criteria", out _));
        Assert.True(paths.TryGetProperty("/api/v1/product-groups", out _));
        Assert.True(paths.TryGetProperty("/api/v1/product-groups/{productGroup}/versions", out _));
        Assert.EndsWith(
            "/ApiCriteriaSet",
            SuccessSchema(paths, "/api/v1/criteria").GetProperty("$ref").GetString(),
            StringComparison.Ordinal);
        Assert.EndsWith(
            "/ApiProductGroup",
            SuccessSchema(paths, "/api/v1/product-groups").GetProperty("items").GetProperty("$ref").GetString(),
            StringComparison.Ordinal);
        Assert.EndsWith(
            "/ApiVersion",
            SuccessSchema(paths, "/api/v1/product-groups/{productGroup}/versions").GetProperty("items").GetProperty("$ref").GetString(),
            StringComparison.Ordinal);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("ApiCriteriaSet").GetProperty("properties").TryGetProperty("criteria", out _));
        using var reference = await client.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("openapi/v1.json", await reference.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonElement SuccessSchema(JsonElement paths, string path) =>
        paths.GetProperty(path)
            .GetProperty("get")
            .GetProperty("responses")
            .GetProperty("200")
            .GetProperty("content")
            .GetProperty("application/json")
            .GetProperty("schema");

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
