using System.Net;
using System.Text.RegularExpressions;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Security;

/// <summary>
/// Every endpoint and page that accepts POST, PUT, PATCH or DELETE refuses a request without the antiforgery token, for
/// every role: a page on another site cannot act with a signed-in person's cookie.
/// </summary>
public sealed partial class AntiforgeryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] Accounts =
    [
        DemoAccounts.Admin,
        DemoAccounts.CoordinatorNetherlands,
        DemoAccounts.Procurer,
        DemoAccounts.Chair,
        DemoAccounts.Stakeholder,
    ];

    private static readonly string[] ChangingMethods = ["POST", "PUT", "PATCH", "DELETE"];

    [Fact]
    public async Task Every_changing_request_without_the_token_is_refused_for_every_role()
    {
        var requests = ChangingRequests();
        Assert.True(requests.Count > 100, $"Only {requests.Count} changing requests found; has the route table changed shape?");
        var refusedByTheTokenCheck = new HashSet<(string, string)>();
        var wrong = new List<string>();
        foreach (var email in Accounts)
        {
            using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var signIn = await FormSignIn.SignInAsync(client, email, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            foreach (var (method, path) in requests)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "value" }),
                };
                using var response = await client.SendAsync(request);
                var location = response.Headers.Location?.OriginalString ?? string.Empty;
                if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    refusedByTheTokenCheck.Add((method, path));
                }
                else if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                    && !(response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/", StringComparison.Ordinal)))
                {
                    wrong.Add($"{email} {method} {path}: {(int)response.StatusCode} {location}");
                }
            }
        }

        var neverReachedTheCheck = requests.Where(request => !refusedByTheTokenCheck.Contains(request))
            .Select(request => $"{request.Method} {request.Path}: every role was stopped before the token check")
            .ToList();
        Assert.True(
            wrong.Count == 0 && neverReachedTheCheck.Count == 0, string.Join(Environment.NewLine, wrong.Concat(neverReachedTheCheck)));
    }

    [Fact]
    public async Task A_form_sent_from_another_site_is_refused_with_a_page_in_the_persons_language()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormSignIn.SignInAsync(client, DemoAccounts.Procurer);
        var eventPage = await client.GetStringAsync("/events?culture=nl");
        var eventId = EventLink().Match(eventPage).Groups["id"].Value;

        using var response = await client.PostAsync(
            $"/events/{eventId}/register?culture=nl", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Het verzoek kon niet worden aanvaard", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
    }

    [Fact]
    public void No_endpoint_of_the_portal_opts_out_of_the_token()
    {
        var optedOut = PortalEndpoints()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: false })
            .Select(endpoint => endpoint.RoutePattern.RawText)
            .ToList();

        Assert.Empty(optedOut);
    }

    /// <summary>
    /// Each changing method and route of the portal, with route parameters filled in with well-formed values. Endpoints that
    /// name no method (the health checks) answer reads only.
    /// </summary>
    private List<(string Method, string Path)> ChangingRequests() =>
        PortalEndpoints()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(method => ChangingMethods.Contains(method, StringComparer.OrdinalIgnoreCase))
                .Select(method => (method.ToUpperInvariant(), PathOf(endpoint.RoutePattern.RawText ?? "/"))))
            .Distinct()
            .ToList();

    private static string PathOf(string template) =>
        "/" + RouteParameter().Replace(template.TrimStart('/'), parameter =>
            parameter.Value.Contains(":guid", StringComparison.OrdinalIgnoreCase) ? Guid.NewGuid().ToString() : "laptops");

    private IEnumerable<RouteEndpoint> PortalEndpoints() =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .Where(endpoint => !(endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/').StartsWith('_'));

    [GeneratedRegex("href=\"/?events/(?<id>[0-9a-f-]{36})\"")]
    private static partial Regex EventLink();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
