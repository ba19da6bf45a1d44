using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CircularIctPact.Testing;

/// <summary>A person who can sign in at the test provider's own login form.</summary>
public sealed record TestProviderUser(string UserName, string Password, string Email, bool EmailVerified, string Name)
{
    /// <summary>The stable subject the provider sends; the portal links accounts by it. Kept by <c>with</c>.</summary>
    public string Subject { get; init; } = Guid.NewGuid().ToString("N");
}

/// <summary>
/// A real OpenID Connect provider (OpenIddict: authorization code with PKCE, its stores in a PostgreSQL database of
/// its own) on 127.0.0.1 with a random port, for the portal's single sign-on tests. It shows a login form the
/// browser fills in; each registered client is told which <c>amr</c> values the provider asserts for its sign-ins.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string PlainProviderKey = "pactid";
    public const string PlainProviderName = "Pact ID";
    public const string MultiFactorProviderKey = "pactidmfa";
    public const string MultiFactorProviderName = "Pact ID with MFA";
    public const string ClientSecret = "portal-test-secret";

    private const string SessionScheme = "provider-session";

    // The example pair of RFC 7636, appendix B.
    private const string WarmUpCodeVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string WarmUpCodeChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private readonly ConcurrentDictionary<string, TestProviderUser> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableArray<string>> _methodsByClient = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private readonly string _connectionString;
    private bool _disposed;

    private TestIdentityProvider(WebApplication app, string connectionString)
    {
        _app = app;
        _connectionString = connectionString;
    }

    /// <summary>The issuer address, e.g. http://127.0.0.1:43111/.</summary>
    public Uri Authority { get; private set; } = new("http://127.0.0.1/");

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("oidcprovider");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddDbContext<ProviderDbContext>(options => options.UseNpgsql(connectionString).UseOpenIddict());
        builder.Services.AddAuthentication(SessionScheme).AddCookie(SessionScheme, options => options.LoginPath = "/login");
        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.RegisterScopes(Scopes.Email, Scopes.Profile);
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDbContext>().Database.EnsureCreatedAsync();
        }

        app.UseAuthentication();
        var provider = new TestIdentityProvider(app, connectionString);
        provider.MapEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        provider.Authority = new UriBuilder(address) { Path = "/" }.Uri;
        return provider;
    }

    /// <summary>
    /// The portal settings for two providers on this server: one whose sign-ins count as one factor, one asserting <c>amr=mfa</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> PortalSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, name) in new[] { (PlainProviderKey, PlainProviderName), (MultiFactorProviderKey, MultiFactorProviderName) })
        {
            var prefix = $"Authentication:OpenIdConnect:Providers:{key}:";
            settings[prefix + "Authority"] = Authority.ToString();
            settings[prefix + "ClientId"] = key;
            settings[prefix + "ClientSecret"] = ClientSecret;
            settings[prefix + "DisplayName"] = name;
            settings[prefix + "RequireHttpsMetadata"] = "false";
            settings[prefix + "MultiFactorClaimValues:0"] = "mfa";
        }

        return settings;
    }

    /// <summary>
    /// Registers the portal at <paramref name="portalRoot"/> as the two clients of <see cref="PortalSettings"/>, then
    /// makes one whole sign-in there (authorization request, login form, code, token request). The first requests through
    /// OpenIddict's pipeline, its stores and its token signing take seconds on a busy machine; without this, a browser
    /// test's first click on a provider's button paid for them within its navigation timeout.
    /// </summary>
    public async Task RegisterPortalAsync(Uri portalRoot)
    {
        var redirectUri = new Uri(portalRoot, $"signin-oidc-{PlainProviderKey}");
        await RegisterClientAsync(PlainProviderKey, redirectUri, ["pwd"]);
        await RegisterClientAsync(MultiFactorProviderKey, new Uri(portalRoot, $"signin-oidc-{MultiFactorProviderKey}"), ["pwd", "mfa"]);
        await WarmUpAsync(redirectUri);
    }

    public void AddUser(TestProviderUser user) => _users[user.UserName] = user;

    /// <summary>Changes what the provider says about a person from their next sign-in on.</summary>
    public void UpdateUser(string userName, Func<TestProviderUser, TestProviderUser> change) => _users[userName] = change(_users[userName]);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_connectionString);
    }

    private async Task WarmUpAsync(Uri redirectUri)
    {
        // A whole sign-in, as a browser and the portal would make it, for a person only this warm-up knows.
        var warmUp = new TestProviderUser(
            $"warm-up-{Guid.NewGuid():N}", Guid.NewGuid().ToString("N"), "warm-up@provider.example", EmailVerified: true, "Warm-up");
        AddUser(warmUp);
        try
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Authority };
            var authorize = $"/connect/authorize?client_id={PlainProviderKey}&response_type=code&scope=openid%20email&state=warm-up"
                + $"&redirect_uri={Uri.EscapeDataString(redirectUri.ToString())}"
                + $"&code_challenge={WarmUpCodeChallenge}&code_challenge_method=S256";
            using var toLogin = await client.GetAsync(new Uri(authorize, UriKind.Relative));
            using var loginForm = await client.GetAsync(Expect(toLogin, HttpStatusCode.Redirect).Headers.Location);
            Expect(loginForm, HttpStatusCode.OK);
            using var credentials = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["returnUrl"] = authorize,
                ["username"] = warmUp.UserName,
                ["password"] = warmUp.Password,
            });
            using var signedIn = await client.PostAsync(new Uri("login", UriKind.Relative), credentials);
            using var toPortal = await client.GetAsync(Expect(signedIn, HttpStatusCode.Redirect).Headers.Location);
            var code = QueryHelpers.ParseQuery(Expect(toPortal, HttpStatusCode.Redirect).Headers.Location!.Query)["code"].ToString();
            using var exchange = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["grant_type"] = GrantTypes.AuthorizationCode,
                ["code"] = code,
                ["redirect_uri"] = redirectUri.ToString(),
                ["client_id"] = PlainProviderKey,
                ["client_secret"] = ClientSecret,
                ["code_verifier"] = WarmUpCodeVerifier,
            });
            using var tokens = await client.PostAsync(new Uri("connect/token", UriKind.Relative), exchange);
            Expect(tokens, HttpStatusCode.OK);
        }
        finally
        {
            _users.TryRemove(warmUp.UserName, out _);
        }
    }

    private static HttpResponseMessage Expect(HttpResponseMessage response, HttpStatusCode status) =>
        response.StatusCode == status
            ? response
            : throw new InvalidOperationException($"The test provider answered {response.RequestMessage?.RequestUri} "
                + $"with {response.StatusCode} during its warm-up, not {status}.");

    private async Task RegisterClientAsync(string clientId, Uri redirectUri, ImmutableArray<string> methods)
    {
        _methodsByClient[clientId] = methods;
        await using var scope = _app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(clientId) is { } existing)
        {
            await applications.DeleteAsync(existing);
        }

        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { redirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private void MapEndpoints()
    {
        _app.MapGet("/login", (string? returnUrl) => Results.Content($"""
            <!DOCTYPE html>
            <html lang="en"><head><title>Pact ID sign-in</title></head><body>
            <h1>Pact ID</h1>
            <form method="post" action="/login">
              <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}">
              <label for="username">Username</label> <input id="username" name="username" autocomplete="username">
              <label for="password">Password</label> <input id="password" name="password" type="password">
              <button type="submit">Continue</button>
            </form>
            </body></html>
            """, "text/html"));

        _app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString();
            if (!_users.TryGetValue(form["username"].ToString(), out var user) || user.Password != form["password"].ToString()
                || !returnUrl.StartsWith("/connect/authorize", StringComparison.Ordinal))
            {
                return Results.Content(
                    "<!DOCTYPE html><p>Wrong username or password.</p>",
                    "text/html",
                    statusCode: StatusCodes.Status401Unauthorized);
            }

            var session = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.UserName)], SessionScheme);
            await context.SignInAsync(SessionScheme, new ClaimsPrincipal(session));
            return Results.Redirect(returnUrl);
        });

        _app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], async (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            var session = await context.AuthenticateAsync(SessionScheme);
            if (!session.Succeeded || !_users.TryGetValue(session.Principal!.Identity!.Name!, out var user))
            {
                return Results.Redirect($"/login?returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
            }

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, user.Subject)
                .SetClaim(Claims.Name, user.Name)
                .SetClaim(Claims.Email, user.Email)
                .SetClaim(Claims.EmailVerified, user.EmailVerified)
                .SetClaims(Claims.AuthenticationMethodReference, _methodsByClient.GetValueOrDefault(request.ClientId!, []));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
    }

    private sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
}
