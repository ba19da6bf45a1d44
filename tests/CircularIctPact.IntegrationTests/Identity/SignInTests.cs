using System.Net;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CircularIctPact.IntegrationTests.Identity;

public sealed class SignInTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> DemoAccountsWithoutSecondFactor =>
    [
        DemoAccounts.CoordinatorNetherlands,
        DemoAccounts.CoordinatorBelgium,
        DemoAccounts.Procurer,
        DemoAccounts.Chair,
    ];

    [Theory]
    [MemberData(nameof(DemoAccountsWithoutSecondFactor))]
    public async Task Demo_account_signs_in_with_the_demo_password(string email)
    {
        var client = NewClient();

        var response = await FormSignIn.SignInAsync(client, email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Welcome,", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secretariat_admin_is_asked_for_an_authenticator_code_and_then_signed_in()
    {
        var client = NewClient();

        var response = await FormSignIn.SignInAsync(client, DemoAccounts.Admin, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await client.GetStringAsync("/");
        Assert.Contains("data-testid=\"home-secretariat\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_does_not_sign_in()
    {
        var client = NewClient();

        var response = await FormSignIn.SignInAsync(client, DemoAccounts.Procurer, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Welcome,", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Account/Manage")]
    [InlineData("/my-organisation")]
    public async Task Anonymous_request_to_a_member_page_is_redirected_to_sign_in(string path)
    {
        var client = NewClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(
            "/Account/Login",
            response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString,
            StringComparison.Ordinal);
    }

    private HttpClient NewClient() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
