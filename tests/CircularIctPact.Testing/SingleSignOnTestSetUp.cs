using CircularIctPact.Web.Features.SingleSignOn;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CircularIctPact.Testing;

/// <summary>
/// What a portal fixture with single sign-on adds to its own start and end, whatever portal it is (in memory or on
/// loopback for a browser): <see cref="TestIdentityProvider"/> started before the portal, its settings (and
/// <paramref name="moreSettings"/>) given to the portal, the portal registered as its client and both ends of a first
/// sign-in warmed once the portal runs, and the provider stopped after the portal.
/// </summary>
public sealed class SingleSignOnTestSetUp(IReadOnlyDictionary<string, string>? moreSettings = null) : IAsyncDisposable
{
    private TestIdentityProvider? _provider;

    public TestIdentityProvider Provider => _provider ?? throw new InvalidOperationException(
        "The test provider starts in the fixture's InitializeAsync, before the portal.");

    /// <summary>Call before the portal starts: the portal's settings name the provider's address.</summary>
    public async Task StartProviderAsync() => _provider = await TestIdentityProvider.StartAsync();

    /// <summary>Call from the fixture's ConfigureWebHost.</summary>
    public void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in Provider.PortalSettings().Concat(moreSettings ?? new Dictionary<string, string>()))
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// Call once the portal runs. Registers it at the provider, and has both do now what the first sign-in would
    /// otherwise do under a test's timeout: the provider serves its first authorization and token requests, and the
    /// portal reads each test provider's discovery document and signing keys.
    /// </summary>
    public async Task ConnectAsync(PortalFactory portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        await Provider.RegisterPortalAsync(portal.RootUri);
        var options = portal.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>();
        foreach (var provider in portal.Services.GetRequiredService<SingleSignOnProviders>().All)
        {
            var scheme = options.Get(provider.Scheme);
            if (string.Equals(scheme.Authority, Provider.Authority.ToString(), StringComparison.Ordinal))
            {
                await scheme.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
