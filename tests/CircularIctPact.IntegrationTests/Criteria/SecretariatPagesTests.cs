using System.Net;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Criteria;

public sealed class SecretariatPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Secretariat_sees_every_version_with_its_status()
    {
        using var client = NewClient();
        var signIn = await FormSignIn.SignInAsync(client, DemoAccounts.Admin, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var response = await client.GetAsync("/admin/criteria");
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode == HttpStatusCode.OK,
            $"{(int)response.StatusCode} {response.Headers.Location}: {page[..Math.Min(page.Length, 2000)]}");

        Assert.Contains("Start new draft version", page, StringComparison.Ordinal);
        Assert.Contains("(laptops)", page, StringComparison.Ordinal);
        Assert.Contains("Superseded", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Procurer_cannot_open_the_criteria_editor()
    {
        using var client = NewClient();
        await FormSignIn.SignInAsync(client, DemoAccounts.Procurer);

        var response = await client.GetAsync("/admin/criteria");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("Start new draft version", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = NewClient();

        var response = await client.GetAsync("/admin/criteria");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private HttpClient NewClient() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
