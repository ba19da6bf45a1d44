using System.Text.RegularExpressions;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Features.SingleSignOn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using System.Security.Claims;

namespace CircularIctPact.Web.Hosting;

/// <summary>One provider's settings under <c>Authentication:OpenIdConnect:Providers:&lt;key&gt;</c>.</summary>
public sealed class SingleSignOnProviderSettings
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Empty for a public client, which then relies on PKCE alone.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The organisation's name on the button; the key when empty.</summary>
    public string? DisplayName { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary><c>amr</c> or <c>acr</c> values that mean the provider signed the person in with more than one factor.</summary>
    public IList<string> MultiFactorClaimValues { get; } = [];

    /// <summary>
    /// Take the <c>email</c> claim as verified without <c>email_verified</c> (Microsoft Entra ID sends none).
    /// Only for a provider whose administrators alone decide people's addresses: see docs/operations.md.
    /// </summary>
    public bool TreatEmailAsVerified { get; set; }
}

/// <summary>
/// Sign-in with an organisation's account over OpenID Connect (authorization code with PKCE), next to the
/// password sign-in. Each provider under <c>Authentication:OpenIdConnect:Providers</c> becomes an authentication
/// scheme <c>oidc-&lt;key&gt;</c> with its callback at <c>/signin-oidc-&lt;key&gt;</c>; no providers, no buttons.
/// </summary>
public static partial class SingleSignOn
{
    public const string ProvidersSection = "Authentication:OpenIdConnect:Providers";

    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        var providers = new List<SingleSignOnProvider>();
        var authentication = services.AddAuthentication();
        foreach (var section in configuration.GetSection(ProvidersSection).GetChildren())
        {
            var settings = section.Get<SingleSignOnProviderSettings>() ?? new SingleSignOnProviderSettings();
            var provider = Describe(section.Key, settings);
            providers.Add(provider);
            authentication.AddOpenIdConnect(provider.Scheme, provider.DisplayName, options => Configure(options, provider, settings));
        }

        services.AddSingleton(new SingleSignOnProviders(providers));
        services.AddScoped<SingleSignOnAccounts>();
        return services;
    }

    public const string SignInPath = "/Account/ExternalLogin/Challenge";
    public const string LinkPath = "/Account/Manage/ExternalLogins/Link";

    /// <summary>
    /// The addresses that send the browser to a provider: to sign in, or to link the provider to the signed-in account.
    /// They are plain links, not form posts: the portal's Content-Security-Policy has <c>form-action 'self'</c>, which
    /// browsers apply to every redirect after a form post, and a provider may pass the browser on to other hosts
    /// (Microsoft Entra ID to a ministry's federation server). Following such a link only ever starts a sign-in at the
    /// provider the browser is already known to.
    /// </summary>
    public static IEndpointRouteBuilder MapSingleSignOnEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SignInPath, (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] SingleSignOnProviders providers,
            [FromQuery] string? provider,
            [FromQuery] string? returnUrl) =>
        {
            if (providers.ByScheme(provider) is null)
            {
                return Results.LocalRedirect("~/Account/Login");
            }

            var callback = UriHelper.BuildRelative(context.Request.PathBase, "/Account/ExternalLogin", QueryString.Create("ReturnUrl", returnUrl ?? string.Empty));
            return Results.Challenge(signInManager.ConfigureExternalAuthenticationProperties(provider, callback), [provider!]);
        });

        endpoints.MapGet(LinkPath, async (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] SingleSignOnProviders providers,
            [FromQuery] string? provider) =>
        {
            if (providers.ByScheme(provider) is null)
            {
                return Results.LocalRedirect("~/Account/Manage/ExternalLogins");
            }

            // A half-finished sign-in elsewhere must not be taken for this link.
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            var callback = UriHelper.BuildRelative(context.Request.PathBase, "/Account/Manage/ExternalLogins", QueryString.Create("Action", "LinkLoginCallback"));
            var properties = signInManager.ConfigureExternalAuthenticationProperties(provider, callback, signInManager.UserManager.GetUserId(context.User));
            return Results.Challenge(properties, [provider!]);
        }).RequireAuthorization();

        return endpoints;
    }

    /// <summary>The link that starts a sign-in at <paramref name="provider"/>, relative to the base address.</summary>
    public static string SignInAddress(SingleSignOnProvider provider, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var query = QueryString.Create("provider", provider.Scheme);
        if (!string.IsNullOrEmpty(returnUrl))
        {
            query = query.Add("returnUrl", returnUrl);
        }

        return SignInPath.TrimStart('/') + query;
    }

    /// <summary>The link that links <paramref name="provider"/> to the signed-in account, relative to the base address.</summary>
    public static string LinkAddress(SingleSignOnProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return LinkPath.TrimStart('/') + QueryString.Create("provider", provider.Scheme);
    }

    private static SingleSignOnProvider Describe(string key, SingleSignOnProviderSettings settings)
    {
        if (!ProviderKey().IsMatch(key))
        {
            throw new InvalidOperationException($"{ProvidersSection}:{key}: a provider key may hold only letters, digits, '-' and '_' (it becomes part of the callback path).");
        }

        if (string.IsNullOrWhiteSpace(settings.Authority) || !Uri.TryCreate(settings.Authority, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"{ProvidersSection}:{key}:Authority must be the provider's absolute issuer address.");
        }

        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            throw new InvalidOperationException($"{ProvidersSection}:{key}:ClientId is required.");
        }

        var displayName = string.IsNullOrWhiteSpace(settings.DisplayName) ? key : settings.DisplayName.Trim();
        var multiFactor = settings.MultiFactorClaimValues.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value.Trim()).ToHashSet(StringComparer.Ordinal);
        return new SingleSignOnProvider(key, displayName, multiFactor, settings.TreatEmailAsVerified);
    }

    private static void Configure(OpenIdConnectOptions options, SingleSignOnProvider provider, SingleSignOnProviderSettings settings)
    {
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.CallbackPath = provider.CallbackPath;
        options.SignedOutCallbackPath = $"/signout-callback-{provider.Scheme}";
        options.RemoteSignOutPath = $"/signout-{provider.Scheme}";
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.Scope.Add("email");
        options.SaveTokens = false;
        // Claims keep their OpenID Connect names (sub, email, email_verified, amr, acr), which the rules read.
        options.MapInboundClaims = false;
        options.ClaimActions.Remove("acr");
        options.TokenValidationParameters.NameClaimType = "name";
        options.Events.OnTokenValidated = context =>
        {
            // Identity finds the linked account by the name identifier: the provider's stable subject.
            if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst("sub") is { } subject)
            {
                identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject.Value, ClaimValueTypes.String, subject.Issuer));
            }

            return Task.CompletedTask;
        };
        options.Events.OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn))
                .LogWarning(context.Failure, "Single sign-on through {Provider} failed at the provider", provider.Scheme);
            // Back to the page that started it (sign-in or account page), which finds no sign-in and says so; when the
            // answer could not even be read, to the sign-in's failure page.
            var started = context.Properties?.RedirectUri;
            var back = started is not null && started.StartsWith('/') && !started.StartsWith("//", StringComparison.Ordinal)
                ? started
                : $"{context.Request.PathBase}/Account/ExternalLogin?failed=true";
            context.Response.Redirect(back);
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex ProviderKey();
}
