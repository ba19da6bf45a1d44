using System.Net;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Security;

/// <summary>The portal with the production-like sign-in limit of three attempts a minute.</summary>
public sealed class StrictRateLimitPortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:FormPostsPerMinute", "3");
    }
}

public sealed class ResponseHardeningTests(StrictRateLimitPortal portal) : IClassFixture<StrictRateLimitPortal>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/health/live")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await portal.CreateClient().GetAsync(path);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_sign_in_attempts_get_429_with_retry_after_and_a_readable_page()
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            last = await FormSignIn.SignInAsync(client, DemoAccounts.Procurer, "Wrong!Password1");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After must say when to try again.");
        Assert.Contains("try again in", await last.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");
        var dutch = await FormSignIn.SignInAsync(client, DemoAccounts.Procurer, "Wrong!Password1");
        Assert.Equal(HttpStatusCode.TooManyRequests, dutch.StatusCode);
        Assert.Contains("Probeer het over", await dutch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
