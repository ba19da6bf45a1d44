using System.Security.Claims;
using System.Text.RegularExpressions;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Web.Features.SingleSignOn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

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

    /// <summary>
    /// The address domains (e.g. <c>minbzk.nl</c>) by which the provider may link an account or accept an invitation;
    /// empty for any. Required with <see cref="TreatEmailAsVerified"/>.
    /// </summary>
    public IList<string> AllowedEmailDomains { get; } = [];
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
        services.AddSingleton<SingleSignOnLinkTokens>();
        return services;
    }

    public const string SignInPath = "/Account/ExternalLogin/Challenge";
    public const string LinkPath = "/Account/Manage/ExternalLogins/Link";
    public const string CompleteSignInPath = "/Account/ExternalLogin/Complete";

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

            var callback = UriHelper.BuildRelative(
                context.Request.PathBase,
                "/Account/ExternalLogin",
                QueryString.Create("ReturnUrl", returnUrl ?? string.Empty));
            return Results.Challenge(signInManager.ConfigureExternalAuthenticationProperties(provider, callback), [provider!]);
        });

        endpoints.MapGet(LinkPath, async (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] SingleSignOnProviders providers,
            [FromServices] SingleSignOnLinkTokens tokens,
            [FromQuery] string? provider,
            [FromQuery] string? token) =>
        {
            var userId = signInManager.UserManager.GetUserId(context.User);
            if (providers.ByScheme(provider) is null || userId is null || !tokens.IsValid(token, userId, provider!))
            {
                return Results.LocalRedirect("~/Account/Manage/ExternalLogins?Status=link-expired");
            }

            // A half-finished sign-in elsewhere must not be taken for this link.
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            var callback = UriHelper.BuildRelative(
                context.Request.PathBase,
                "/Account/Manage/ExternalLogins",
                QueryString.Create("Action", "LinkLoginCallback"));
            var properties = signInManager.ConfigureExternalAuthenticationProperties(provider, callback, userId);
            // The provider asks for the password again rather than linking whoever its session holds.
            properties.SetParameter(OpenIdConnectParameterNames.Prompt, OpenIdConnectPrompt.Login);
            return Results.Challenge(properties, [provider!]);
        }).RequireAuthorization();

        // A sign-in that found the account by its address ends here once it fully succeeded (after the code step when
        // that applies); only then is the provider login linked.
        endpoints.MapGet(CompleteSignInPath, async (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] SingleSignOnAccounts accounts,
            [FromServices] SingleSignOnLinkTokens tokens,
            [FromQuery] string? link) =>
        {
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            var pending = tokens.ReadPendingLink(link, signInManager.UserManager.GetUserId(context.User) ?? string.Empty);
            if (pending is not null
                && await accounts.LinkAfterSignInAsync(context.User, pending.Scheme, pending.ProviderKey) is { } account)
            {
                // Linking renews the security stamp; renew this sign-in with it so it is not ended at the next check.
                await signInManager.RefreshSignInAsync(account);
            }

            return Results.LocalRedirect(LocalTarget(pending?.ReturnUrl));
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

    /// <summary>
    /// The link that links <paramref name="provider"/> to the signed-in account, relative to the base address, with the
    /// <paramref name="token"/> <see cref="SingleSignOnLinkTokens"/> issued for the account and provider.
    /// </summary>
    public static string LinkAddress(SingleSignOnProvider provider, string token)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return LinkPath.TrimStart('/') + QueryString.Create("provider", provider.Scheme).Add("token", token);
    }

    /// <summary>
    /// Where a sign-in that found the account by its address goes once it succeeded, relative to the base address, with
    /// the <see cref="SingleSignOnLinkTokens.IssuePendingLink"/> token naming the login to link and the return address.
    /// One parameter only: the code step passes it on unencoded to its recovery-code page.
    /// </summary>
    public static string CompleteSignInAddress(string pendingLinkToken) =>
        CompleteSignInPath.TrimStart('/') + QueryString.Create("link", pendingLinkToken);

    // The portal's return addresses are paths ("/tenders") or relative to the base address ("tenders").
    private static string LocalTarget(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Contains('\\', StringComparison.Ordinal) || returnUrl.Contains(
            ':',
            StringComparison.Ordinal)
            || returnUrl.StartsWith("//", StringComparison.Ordinal) || !Uri.IsWellFormedUriString(returnUrl, UriKind.Relative))
        {
            return "~/";
        }

        return returnUrl.StartsWith('/') ? returnUrl : "~/" + returnUrl;
    }

    private static SingleSignOnProvider Describe(string key, SingleSignOnProviderSettings settings)
    {
        if (!ProviderKey().IsMatch(key))
        {
            throw new InvalidOperationException($"{ProvidersSection}:{key}: a provider key may hold only letters, digits, '-' and '_' (it "
                + "becomes part of the callback path).");
        }

        if (string.IsNullOrWhiteSpace(settings.Authority) || !Uri.TryCreate(settings.Authority, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"{ProvidersSection}:{key}:Authority must be the provider's absolute issuer address.");
        }

        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            throw new InvalidOperationException($"{ProvidersSection}:{key}:ClientId is required.");
        }

        var domains = settings.AllowedEmailDomains
            .Where(domain => !string.IsNullOrWhiteSpace(domain))
            .Select(domain => domain.Trim().TrimStart('@'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (settings.TreatEmailAsVerified && domains.Count == 0)
        {
            throw new InvalidOperationException($"{ProvidersSection}:{key}:AllowedEmailDomains is required when TreatEmailAsVerified is "
                + "true: list the domains whose addresses the provider's administrators alone decide (e.g. "
                + "AllowedEmailDomains:0=minbzk.nl).");
        }

        var displayName = string.IsNullOrWhiteSpace(settings.DisplayName) ? key : settings.DisplayName.Trim();
        var multiFactor = settings.MultiFactorClaimValues
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .Select(value => value.Trim())
            .ToHashSet(StringComparer.Ordinal);
        return new SingleSignOnProvider(key, displayName, multiFactor, settings.TreatEmailAsVerified) { AllowedEmailDomains = domains };
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
