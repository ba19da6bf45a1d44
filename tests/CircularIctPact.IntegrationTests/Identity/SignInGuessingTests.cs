using System.Net;
using System.Text.RegularExpressions;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Identity;

/// <summary>Password sign-in does not tell which addresses have an account (decision record 0021).</summary>
public sealed partial class SignInGuessingTests(SignInGuessingPortal portal) : IClassFixture<SignInGuessingPortal>
{
    private const string WrongPassword = "Wrong!Password1";

    [Fact]
    public async Task Unknown_address_gets_the_same_answer_as_a_wrong_password()
    {
        var unknown = SecretariatPrincipals.UniqueEmail("nobody");
        var known = await NewAccountAsync("known");

        var forUnknown = await FormSignIn.SignInAsync(portal.ClientAt("198.51.100.1"), unknown, WrongPassword);
        var forKnown = await FormSignIn.SignInAsync(portal.ClientAt("198.51.100.2"), known.Email!, WrongPassword);

        Assert.Equal(HttpStatusCode.OK, forUnknown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        var unknownPage = Comparable(await forUnknown.Content.ReadAsStringAsync(), unknown);
        Assert.Contains("The e-mail address or password is not right.", unknownPage, StringComparison.Ordinal);
        Assert.Equal(Comparable(await forKnown.Content.ReadAsStringAsync(), known.Email!), unknownPage);
    }

    [Fact]
    public async Task Password_is_verified_once_for_an_unknown_address_as_for_a_known_one_and_refused_ones()
    {
        var known = await NewAccountAsync("hashed");
        var unconfirmed = await NewAccountAsync("unconfirmed", account => account.EmailConfirmed = false);
        var withoutPassword = await NewAccountAsync("passwordless", withPassword: false);
        var answers = new List<string>();
        var verifications = new List<int>();
        var address = 10;
        string[] emails = [SecretariatPrincipals.UniqueEmail("nobody"), known.Email!, unconfirmed.Email!, withoutPassword.Email!];
        foreach (var email in emails)
        {
            portal.Verifications = 0;
            var response = await FormSignIn.SignInAsync(portal.ClientAt($"198.51.100.{address++}"), email, WrongPassword);
            verifications.Add(portal.Verifications);
            answers.Add(Comparable(await response.Content.ReadAsStringAsync(), email));
        }

        Assert.Equal([1, 1, 1, 1], verifications);
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task Account_locked_by_the_secretariat_answers_a_wrong_password_as_usual_and_refuses_the_right_one()
    {
        var locked = await NewAccountAsync("locked");
        await WithUsersAsync(async users => await users.SetLockoutEndDateAsync(
            (await users.FindByIdAsync(locked.Id.ToString()))!,
            portal.Clock.GetUtcNow().AddYears(100)));
        var client = portal.ClientAt("198.51.100.20");

        var wrong = await FormSignIn.SignInAsync(client, locked.Email!, WrongPassword);
        var right = await FormSignIn.SignInAsync(client, locked.Email!);

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.EndsWith("/Account/Lockout", right.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("Welcome,", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    /// <summary>A page with what differs between any two answers (the antiforgery token, the address typed back) taken out.</summary>
    private static string Comparable(string page, string email) =>
        AntiforgeryValue().Replace(page, "token").Replace(WebUtility.HtmlEncode(email), "typed address", StringComparison.Ordinal);

    private async Task<ApplicationUser> NewAccountAsync(string prefix, Action<ApplicationUser>? change = null, bool withPassword = true)
    {
        var account = await SecretariatPrincipals.CreateUserAsync(
            portal,
            SecretariatPrincipals.UniqueEmail(prefix),
            "Guessed Person",
            PortalRoles.Procurer);
        await WithUsersAsync(async users =>
        {
            var stored = (await users.FindByIdAsync(account.Id.ToString()))!;
            change?.Invoke(stored);
            if (!withPassword)
            {
                await users.RemovePasswordAsync(stored);
            }

            return await users.UpdateAsync(stored);
        });
        return account;
    }

    private async Task<T> WithUsersAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    // Antiforgery tokens (one per form) and the persisted component state are Data Protection payloads: CfDJ8….
    [GeneratedRegex("CfDJ8[A-Za-z0-9_+/=-]+")]
    private static partial Regex AntiforgeryValue();
}
