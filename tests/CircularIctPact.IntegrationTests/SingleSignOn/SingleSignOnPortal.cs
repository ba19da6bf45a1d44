using CircularIctPact.Testing;
using Microsoft.AspNetCore.Hosting;

namespace CircularIctPact.IntegrationTests.SingleSignOn;

/// <summary>
/// The portal with the test OpenID Connect provider configured twice (one-factor and multi-factor sign-ins), plus a
/// provider like Microsoft Entra ID whose addresses are taken as verified without an <c>email_verified</c> claim,
/// for the domain <see cref="TrustedDomain"/> only; SQL commands are counted (<c>SqlCommandCounter</c>).
/// </summary>
public sealed class SingleSignOnPortal : PortalFactory
{
    public const string TrustedAddressesScheme = "oidc-" + TrustedAddressesKey;
    public const string PlainScheme = "oidc-" + TestIdentityProvider.PlainProviderKey;
    public const string MultiFactorScheme = "oidc-" + TestIdentityProvider.MultiFactorProviderKey;
    public const string TrustedDomain = "ministerie.example";

    private const string TrustedAddressesKey = "entra";
    private const string Trusted = $"Authentication:OpenIdConnect:Providers:{TrustedAddressesKey}:";

    private readonly SingleSignOnTestSetUp _singleSignOn = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Trusted + "Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
        [Trusted + "ClientId"] = "portal",
        [Trusted + "DisplayName"] = "Ministry account",
        [Trusted + "TreatEmailAsVerified"] = "true",
        [Trusted + "AllowedEmailDomains:0"] = TrustedDomain,
        ["Diagnostics:CountSqlQueries"] = "true",
    });

    public TestIdentityProvider Provider => _singleSignOn.Provider;

    public override async Task InitializeAsync()
    {
        await _singleSignOn.StartProviderAsync();
        await base.InitializeAsync();
        await _singleSignOn.ConnectAsync(this);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _singleSignOn.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        _singleSignOn.Configure(builder);
    }
}
