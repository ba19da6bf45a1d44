using System.Net;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Security;

/// <summary>
/// Every page and endpoint in the portal's own route table must have an audience declared by its feature
/// (<see cref="IPortalFeature.Routes"/>); every GET route without parameters is requested as anonymous and as each
/// role and must answer as its audience says.
/// </summary>
public sealed class AuthorizationMatrixTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    // A route declared twice throws here, so each route has one audience.
    private static readonly Dictionary<string, PortalAudience> Expected =
        PortalFeatures.Routes.ToDictionary(rule => rule.Route, rule => rule.Audience, StringComparer.OrdinalIgnoreCase);

    // Pages that answer a request without their link parameters by sending the visitor to sign in with an error.
    private static readonly HashSet<string> NeedLinkParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "PAGE /Account/ConfirmEmailChange",
        // The code pages of a two-factor sign-in send anyone without a pending password step back to sign in.
        "PAGE /Account/LoginWith2fa",
        "PAGE /Account/LoginWithRecoveryCode",
        // Without a configured provider in its address it sends anyone back to the sign-in page.
        "GET /Account/ExternalLogin/Challenge",
    };

    // Routes whose own code narrows the audience further than their authorization metadata, with what the metadata admits.
    private static readonly Dictionary<string, PortalAudience> NarrowedByTheHandler = new(StringComparer.OrdinalIgnoreCase)
    {
        // The event editor lets any signed-in person in and tells those who organise nothing that they cannot.
        ["PAGE /events/new"] = PortalAudience.SignedIn,
        // The template's passkey endpoint answers only for the signed-in account it finds.
        ["POST /Account/PasskeyCreationOptions"] = PortalAudience.Anyone,
    };

    private static readonly (string Name, string? Email, PortalAudience[] Reaches)[] Visitors =
    [
        ("anonymous", null, [PortalAudience.Anyone]),
        ("procurer", DemoAccounts.Procurer, [
            PortalAudience.Anyone,
            PortalAudience.SignedIn,
            PortalAudience.Procurer,
            PortalAudience.ProcurerCoordinatorOrSecretariat,
            PortalAudience.BuyerSide,
        ]),
        ("coordinator", DemoAccounts.CoordinatorNetherlands, [
            PortalAudience.Anyone,
            PortalAudience.SignedIn,
            PortalAudience.Coordinator,
            PortalAudience.CoordinatorOrSecretariat,
            PortalAudience.ProcurerCoordinatorOrSecretariat,
            PortalAudience.BuyerSide,
            PortalAudience.Organiser,
            PortalAudience.LibraryCurator,
        ]),
        ("chair", DemoAccounts.Chair, [
            PortalAudience.Anyone,
            PortalAudience.SignedIn,
            PortalAudience.Chair,
            PortalAudience.BuyerSide,
            PortalAudience.Organiser,
            PortalAudience.LibraryCurator,
            PortalAudience.WorkingGroupParticipant,
        ]),
        ("secretariat", DemoAccounts.Admin, [
            PortalAudience.Anyone,
            PortalAudience.SignedIn,
            PortalAudience.Secretariat,
            PortalAudience.CoordinatorOrSecretariat,
            PortalAudience.ProcurerCoordinatorOrSecretariat,
            PortalAudience.BuyerSide,
            PortalAudience.Organiser,
            PortalAudience.LibraryCurator,
        ]),
        ("stakeholder", DemoAccounts.Stakeholder, [PortalAudience.Anyone, PortalAudience.SignedIn, PortalAudience.WorkingGroupParticipant]),
    ];

    [Fact]
    public void Every_route_in_the_portal_has_an_expected_audience()
    {
        var missing = PortalRoutes().Where(route => !Expected.ContainsKey(route)).ToList();

        Assert.True(missing.Count == 0, "Routes without an audience in their feature's declaration: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_rule_in_the_matrix_belongs_to_an_existing_route()
    {
        var routes = PortalRoutes().ToHashSet(StringComparer.OrdinalIgnoreCase);

        var stale = Expected.Keys.Where(rule => !routes.Contains(rule)).ToList();
        Assert.True(stale.Count == 0, "Declared audiences of routes that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Each_role_reaches_exactly_the_pages_meant_for_it()
    {
        var wrong = new List<string>();
        foreach (var (name, email, reaches) in Visitors)
        {
            var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (email is not null)
            {
                var signIn = await FormSignIn.SignInAsync(client, email, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            }

            foreach (var (route, audience) in Expected.Where(IsRequestable))
            {
                var path = route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..];
                var response = await client.GetAsync(path);
                var location = response.Headers.Location?.OriginalString ?? string.Empty;
                var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Redirect
                        && (location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase)
                            || location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)));
                var allowed = reaches.Contains(audience);
                if (allowed == refused)
                {
                    wrong.Add($"{name} {route}: expected {(allowed ? "access" : "refusal")}, got {(int)response.StatusCode} {location}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Each_route_carries_the_policy_of_its_declared_audience()
    {
        var wrong = new List<string>();
        foreach (var endpoint in PortalEndpoints())
        {
            var carried = CarriedAudience(endpoint);
            foreach (var route in RoutesOf(endpoint))
            {
                if (!Expected.TryGetValue(route, out var declared))
                {
                    continue;
                }

                var outerLayer = NarrowedByTheHandler.GetValueOrDefault(route, declared);
                if (outerLayer.ToString() != carried)
                {
                    wrong.Add($"{route}: declared {declared}, carries {carried}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task Each_role_sees_menu_entries_only_to_pages_meant_for_it()
    {
        var wrong = new List<string>();
        foreach (var (name, email, reaches) in Visitors)
        {
            var user = email is null ? PortalFactoryExtensions.Anonymous : await portal.PrincipalForAsync(email);
            foreach (var entry in PortalFeatures.Navigation.Where(entry => entry.Audience.Admits(user)))
            {
                var route = $"PAGE /{entry.Href}";
                if (!Expected.TryGetValue(route, out var audience) || !reaches.Contains(audience))
                {
                    wrong.Add($"{name} sees \"{entry.Title}\" but {route} is not meant for them");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static bool IsRequestable(KeyValuePair<string, PortalAudience> rule) =>
        (rule.Key.StartsWith("GET ", StringComparison.Ordinal) || rule.Key.StartsWith("PAGE ", StringComparison.Ordinal))
        && !rule.Key.Contains('{', StringComparison.Ordinal)
        && !NeedLinkParameters.Contains(rule.Key);

    /// <summary>
    /// "PAGE /path" for a Razor component page (its GET and form POST share one rule), "METHOD /path" for
    /// other endpoints; static asset files are left out.
    /// </summary>
    private IEnumerable<string> PortalRoutes() =>
        PortalEndpoints().SelectMany(RoutesOf).Distinct(StringComparer.OrdinalIgnoreCase);

    private IEnumerable<RouteEndpoint> PortalEndpoints() =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .Where(endpoint => !(endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/').StartsWith('_'));

    /// <summary>The audience the endpoint's own authorization metadata admits, or what is wrong with it.</summary>
    private static string CarriedAudience(Endpoint endpoint)
    {
        var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || authorize.Count == 0)
        {
            return nameof(PortalAudience.Anyone);
        }

        var policies = authorize.Select(data => data.Policy).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return policies switch
        {
            [] => nameof(PortalAudience.SignedIn),
            [var policy] =>
                PortalPolicies.Audiences.TryGetValue(policy, out var audience) ? audience.ToString() : $"unknown policy {policy}",
            _ => $"several policies ({string.Join(", ", policies)})",
        };
    }

    private static IEnumerable<string> RoutesOf(RouteEndpoint endpoint)
    {
        var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
        return endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null
            ? [$"PAGE {pattern}"]
            : (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => $"{method} {pattern}");
    }
}
