using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Security;

/// <summary>Links with one-time codes point at the portal's configured address, whatever host a request names.</summary>
public sealed class MailedLinkTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Password_reset_link_points_at_the_configured_address_when_the_request_names_another_host()
    {
        using var configured = portal.WithWebHostBuilder(builder => builder.UseSetting(PortalAddress.Setting, "https://pact.example.eu"));
        using var client = configured.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://attacker.example/"),
            AllowAutoRedirect = false,
        });

        await FormSignIn.PostFormAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.Chair,
        });

        var mail = portal.To(DemoAccounts.Chair)[^1].TextBody;
        Assert.Contains("https://pact.example.eu/Account/ResetPassword?code=", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", mail, StringComparison.Ordinal);
    }
}
