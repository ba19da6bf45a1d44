using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Security;

/// <summary>
/// Malformed input is refused, never a server error: every page and GET endpoint of the route table is sent NUL and
/// control characters, bytes that are not UTF-8, and each of its query parameters as the wrong type, out of range and
/// negative, by an anonymous visitor and a signed-in administrator.
/// </summary>
public sealed partial class MalformedInputTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    // Every page and endpoint also hears of parameters it does not read; these two are the ones read most.
    private static readonly string[] CommonParameters = ["q", "page"];

    private static readonly string[] MalformedValues = ["%00", "a%01b", "%FF%FE", "abc", "99999999999", "-1", new string('x', 1000)];

    [Theory]
    [InlineData(null)]
    [InlineData(DemoAccounts.Admin)]
    public async Task No_malformed_value_in_any_address_causes_a_server_error(string? email)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (email is not null)
        {
            await FormSignIn.SignInAsync(client, email, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
        }

        var failures = new List<string>();
        // Pages anyone may open are sent the values by the anonymous visitor; the administrator adds the protected ones.
        var requests = Requests(protectedOnly: email is not null);
        Assert.Contains(requests, request => request.Path.StartsWith(email is null ? "/criteria" : "/admin/", StringComparison.Ordinal));
        foreach (var (path, parameters) in requests)
        {
            foreach (var value in MalformedValues)
            {
                // Kestrel itself refuses a NUL in the path; the test server cannot even carry one.
                var inPath = value.Contains("%00", StringComparison.Ordinal) ? [] : new[] { $"{path.TrimEnd('/')}/{value}" };
                foreach (var address in parameters.Select(name => $"{path}?{name}={value}").Concat(inPath))
                {
                    using var response = await client.GetAsync(address);
                    var body = await response.Content.ReadAsStringAsync();
                    if ((int)response.StatusCode >= 500 || StackTrace().IsMatch(body))
                    {
                        failures.Add($"{(int)response.StatusCode} GET {address[..Math.Min(address.Length, 120)]}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("/criteria?q=%00")]
    [InlineData("/library?page=abc")]
    [InlineData("/market-signal?edition=99999999999")]
    [InlineData("/market-signal?edition=1x")]
    [InlineData("/library?q=a%00b")]
    public async Task A_malformed_query_gets_the_refusal_page_in_the_persons_language(string address)
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(address + "&culture=de");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Die Anfrage konnte nicht angenommen werden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_value_for_the_api_gets_a_problem_document()
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync("/api/v1/criteria?productGroup=%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/Account/ResetPassword?code=!!!")]
    [InlineData("/Account/ConfirmEmail?userId=x&code=y")]
    [InlineData("/Account/ConfirmEmailChange?userId=x&email=a@b.example&code=y")]
    public async Task A_cut_or_altered_account_link_is_an_invalid_link_not_a_server_error(string address)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(address);

        Assert.True((int)response.StatusCode < 500, $"{address} answered {(int)response.StatusCode}");
    }

    /// <summary>
    /// Each GET route (or each that needs a sign-in) with its parameters filled in, and the names of the query parameters it
    /// reads.
    /// </summary>
    private List<(string Path, IReadOnlyList<string> Parameters)> Requests(bool protectedOnly) =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => !protectedOnly || (endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null
                && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null))
            .Where(endpoint => endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .Where(endpoint => !(endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/').StartsWith('_'))
            .Where(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(endpoint => (
                Path: "/" + RouteParameter().Replace((endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/'), parameter =>
                    parameter.Value.Contains(":guid", StringComparison.OrdinalIgnoreCase) ? Guid.NewGuid().ToString() : "laptops"),
                Parameters: (IReadOnlyList<string>)
                    [.. CommonParameters.Concat(QueryParametersOf(endpoint)).Distinct(StringComparer.OrdinalIgnoreCase)]))
            .DistinctBy(request => request.Path, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static IEnumerable<string> QueryParametersOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type
            .GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(property => (property, query: property.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(pair => pair.query is not null)
            .Select(pair => pair.query!.Name ?? pair.property.Name)
        ?? [];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\bat [\w.]+\.[\w<>]+\(|Exception:", RegexOptions.None, 1000)]
    private static partial Regex StackTrace();
}
