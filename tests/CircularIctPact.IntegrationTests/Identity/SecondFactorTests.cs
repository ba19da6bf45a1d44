using System.Net;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace CircularIctPact.IntegrationTests.Identity;

/// <summary>The second factor cannot be replayed, and a secretariat administrator gives it at every sign-in.</summary>
public sealed class SecondFactorTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string RememberBrowserCookie = "Identity.TwoFactorRememberMe";

    [Fact]
    public async Task An_authenticator_code_signs_in_once_and_is_refused_when_used_again()
    {
        var (email, key) = await NewAccountWithAuthenticatorAsync(PortalRoles.SecretariatAdmin);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var first = NewClient();
        var second = NewClient();

        var accepted = await SubmitCodeAsync(first, email, code);
        var replayed = await SubmitCodeAsync(second, email, code);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("Invalid authenticator code", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"home-secretariat\"", await second.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_earlier_code_is_refused_once_a_later_one_was_used()
    {
        var (email, key) = await NewAccountWithAuthenticatorAsync(PortalRoles.Procurer);
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var now = DateTime.UtcNow;
        var later = totp.ComputeTotp(now.AddSeconds(30));
        var earlier = totp.ComputeTotp(now);

        var accepted = await SubmitCodeAsync(NewClient(), email, later);
        var refused = await SubmitCodeAsync(NewClient(), email, earlier);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var recoveryCode = await WithUserManagerAsync(async users =>
        {
            var admin = await users.FindByEmailAsync(DemoAccounts.Admin);
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync(admin!, 1))!.Single();
        });

        var accepted = await SubmitRecoveryCodeAsync(NewClient(), recoveryCode);
        var replayed = await SubmitRecoveryCodeAsync(NewClient(), recoveryCode);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
    }

    [Fact]
    public async Task A_secretariat_administrator_is_not_offered_to_remember_the_browser_and_cannot_force_it()
    {
        var (email, key) = await NewAccountWithAuthenticatorAsync(PortalRoles.SecretariatAdmin);
        var client = NewClient();
        var codePage = await PasswordStepAsync(client, email);

        var page = await client.GetStringAsync(codePage);
        var response = await FormSignIn.PostFormAsync(client, codePage, "login-with-2fa", new Dictionary<string, string>
        {
            ["Input.TwoFactorCode"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(),
            ["Input.RememberMachine"] = "true",
        });

        Assert.DoesNotContain("Input.RememberMachine", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(SetCookies(response), cookie => cookie.StartsWith(RememberBrowserCookie, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_person_may_have_the_browser_remembered_for_at_most_the_configured_days()
    {
        var (email, key) = await NewAccountWithAuthenticatorAsync(PortalRoles.WorkingGroupChair);
        var client = NewClient();
        var codePage = await PasswordStepAsync(client, email);

        var page = await client.GetStringAsync(codePage);
        var response = await FormSignIn.PostFormAsync(client, codePage, "login-with-2fa", new Dictionary<string, string>
        {
            ["Input.TwoFactorCode"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(),
            ["Input.RememberMachine"] = "true",
        });

        Assert.Contains("Input.RememberMachine", page, StringComparison.Ordinal);
        var remembered = Assert.Single(SetCookies(response), cookie => cookie.StartsWith(RememberBrowserCookie, StringComparison.Ordinal));
        var expires = DateTimeOffset.Parse(
            remembered.Split(';').Select(part => part.Trim()).Single(part => part.StartsWith("expires=", StringComparison.Ordinal))[8..],
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(13), DateTimeOffset.UtcNow.AddDays(TwoFactorRememberOptions.MaxDays));
    }

    [Theory]
    [InlineData("/Account/LoginWith2fa")]
    [InlineData("/Account/LoginWithRecoveryCode")]
    public async Task The_code_pages_without_a_password_step_lead_back_to_sign_in(string path)
    {
        var response = await NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_that_asks_to_return_to_another_site_lands_on_the_portal()
    {
        var client = NewClient();
        var loginPage = "/Account/Login?ReturnUrl=https%3A%2F%2Fattacker.example%2Fsteal";

        var response = await FormSignIn.PostFormAsync(client, loginPage, "login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.Procurer,
            ["Input.Password"] = DemoAccounts.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("attacker.example", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>A confirmed account in <paramref name="role"/> with the demo password and its own authenticator key.</summary>
    private async Task<(string Email, string Key)> NewAccountWithAuthenticatorAsync(string role) =>
        await WithUserManagerAsync(async users =>
        {
            var email = $"second-factor-{Guid.NewGuid():N}@cfit.example";
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Second factor test" };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (email, (await users.GetAuthenticatorKeyAsync(user))!);
        });

    private async Task<string> PasswordStepAsync(HttpClient client, string email)
    {
        var response = await FormSignIn.PostFormAsync(client, "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoAccounts.Password,
        });
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        Assert.Contains("LoginWith2fa", location, StringComparison.Ordinal);
        return location;
    }

    private async Task<HttpResponseMessage> SubmitCodeAsync(HttpClient client, string email, string code) =>
        await FormSignIn.PostFormAsync(client, await PasswordStepAsync(client, email), "login-with-2fa", new Dictionary<string, string>
        {
            ["Input.TwoFactorCode"] = code,
        });

    private async Task<HttpResponseMessage> SubmitRecoveryCodeAsync(HttpClient client, string recoveryCode)
    {
        await PasswordStepAsync(client, DemoAccounts.Admin);
        var fields = new Dictionary<string, string> { ["Input.RecoveryCode"] = recoveryCode };
        return await FormSignIn.PostFormAsync(client, "/Account/LoginWithRecoveryCode", "login-with-recovery-code", fields);
    }

    private async Task<T> WithUserManagerAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];

    private HttpClient NewClient() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
