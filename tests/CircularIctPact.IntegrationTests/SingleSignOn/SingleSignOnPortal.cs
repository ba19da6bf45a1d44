using CircularIctPact.Testing;
using Microsoft.AspNetCore.Hosting;

namespace CircularIctPact.IntegrationTests.SingleSignOn;

/// <summary>
/// The portal with the test OpenID Connect provider configured twice (one-factor and multi-factor sign-ins), plus a
/// provider like Microsoft Entra ID whose addresses are taken as verified without an <c>email_verified</c> claim.
/// </summary>
public sealed class SingleSignOnPortal : PortalFactory
{
    public const string TrustedAddressesScheme = "oidc-" + TrustedAddressesKey;
    public const string PlainScheme = "oidc-" + TestIdentityProvider.PlainProviderKey;
    public const string MultiFactorScheme = "oidc-" + TestIdentityProvider.MultiFactorProviderKey;

    private const string TrustedAddressesKey = "entra";

    public TestIdentityProvider Provider { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Provider = await TestIdentityProvider.StartAsync();
        await base.InitializeAsync();
        await Provider.RegisterPortalAsync(new Uri("http://localhost/"));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Provider.PortalSettings())
        {
            builder.UseSetting(key, value);
        }

        const string trusted = $"Authentication:OpenIdConnect:Providers:{TrustedAddressesKey}:";
        builder.UseSetting(trusted + "Authority", "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0");
        builder.UseSetting(trusted + "ClientId", "portal");
        builder.UseSetting(trusted + "DisplayName", "Ministry account");
        builder.UseSetting(trusted + "TreatEmailAsVerified", "true");
    }
}
