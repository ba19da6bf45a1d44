using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Criteria;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Hosting;

/// <summary>
/// The portal in Production whose criteria catalogue fails with an error that names a file and a secret, as an
/// unexpected fault would; the catalogue page and the open-data API both use it. The log goes to a JSON file of its own.
/// </summary>
public sealed class FailingProductionPortal : PortalFactory
{
    public const string FaultDetail = "Simulated fault in /srv/cfit/secret/CriteriaCatalogue.cs, password=hunter2";

    public string LogFolder { get; } = Path.Combine(Path.GetTempPath(), "cfit-test-logs", Guid.NewGuid().ToString("N"));

    /// <summary>Every line of the portal's JSON log so far.</summary>
    public IEnumerable<string> LogLines() =>
        Directory.GetFiles(LogFolder, "*.json").SelectMany(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }).ToList();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(LogFolder))
        {
            Directory.Delete(LogFolder, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Serilog:WriteTo:1:Name", "File");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(LogFolder, "portal-.json"));
        builder.ConfigureTestServices(services =>
            services.AddScoped<CriteriaCatalogue>(_ => throw new InvalidOperationException(FaultDetail)));
    }
}

public sealed class UnexpectedErrorTests(FailingProductionPortal portal) : IClassFixture<FailingProductionPortal>
{
    [Theory]
    [InlineData("en", "Something went wrong")]
    [InlineData("nl", "Er ging iets mis")]
    [InlineData("fr", "Une erreur s'est produite")]
    [InlineData("de", "Etwas ist schiefgelaufen")]
    public async Task A_page_that_fails_shows_a_friendly_page_in_the_readers_language_with_the_reference_of_the_log_entry(
        string language,
        string heading)
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", language);

        using var response = await client.GetAsync("/criteria");
        var body = await response.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(body);
        var reference = page.QuerySelector("[data-testid=error-reference]")?.TextContent;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(reference), "The error page shows no reference.");
        AssertRevealsNothingOfTheError(body);
        AssertLoggedWithTheFault(reference);
    }

    [Fact]
    public async Task An_api_request_that_fails_gets_a_problem_document_with_only_the_reference_of_the_log_entry()
    {
        using var response = await portal.CreateClient().GetAsync("/api/v1/product-groups");
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        var reference = problem.RootElement.GetProperty("reference").GetString();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["type", "title", "status", "reference"], problem.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        AssertRevealsNothingOfTheError(body);
        AssertLoggedWithTheFault(reference);
    }

    [Fact]
    public async Task Two_failures_get_different_references()
    {
        using var client = portal.CreateClient();

        using var first = JsonDocument.Parse(await client.GetStringAsyncAllowingErrors("/api/v1/product-groups"));
        using var second = JsonDocument.Parse(await client.GetStringAsyncAllowingErrors("/api/v1/product-groups"));

        Assert.NotEqual(first.RootElement.GetProperty("reference").GetString(), second.RootElement.GetProperty("reference").GetString());
    }

    private static void AssertRevealsNothingOfTheError(string body)
    {
        Assert.DoesNotContain("Simulated fault", body, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/srv/", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    /// <summary>One log entry carries the reference, and it holds the error itself for the secretariat.</summary>
    private void AssertLoggedWithTheFault(string? reference)
    {
        Assert.NotNull(reference);
        var entry = Assert.Single(
            portal.LogLines(),
            line => line.Contains($"\"ErrorReference\":\"{reference}\"", StringComparison.Ordinal));
        Assert.Contains("Simulated fault", entry, StringComparison.Ordinal);
        Assert.Contains($"\"@tr\":\"{reference}\"", entry, StringComparison.Ordinal);
    }
}

internal static class ErrorResponses
{
    public static async Task<string> GetStringAsyncAllowingErrors(this HttpClient client, string address)
    {
        using var response = await client.GetAsync(address);
        return await response.Content.ReadAsStringAsync();
    }
}
