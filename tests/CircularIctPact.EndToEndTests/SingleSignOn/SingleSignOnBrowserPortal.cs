using CircularIctPact.Testing;
using Microsoft.AspNetCore.Hosting;

namespace CircularIctPact.EndToEndTests.SingleSignOn;

/// <summary>
/// The browser portal with the test OpenID Connect provider configured: one provider whose sign-ins count as one factor, one asserting
/// <c>amr=mfa</c>.
/// </summary>
public sealed class SingleSignOnBrowserPortal : BrowserPortal
{
    private readonly SingleSignOnTestSetUp _singleSignOn = new();

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
