using CircularIctPact.Testing;
using Microsoft.AspNetCore.Hosting;

namespace CircularIctPact.EndToEndTests;

/// <summary>The browser portal with the test OpenID Connect provider configured: one provider whose sign-ins count as one factor, one asserting <c>amr=mfa</c>.</summary>
public sealed class SingleSignOnBrowserPortal : BrowserPortal
{
    public TestIdentityProvider Provider { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Provider = await TestIdentityProvider.StartAsync();
        await base.InitializeAsync();
        await Provider.RegisterPortalAsync(RootUri);
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
    }
}
