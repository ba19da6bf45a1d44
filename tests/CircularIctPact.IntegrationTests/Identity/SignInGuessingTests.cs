using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CircularIctPact.Domain.Common;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Identity;

/// <summary>
/// Password sign-in neither tells which addresses have an account nor lets a stranger lock anyone out, while guessing is
/// held back per (address, client) and per address over all clients (decision record 0021).
/// </summary>
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

    [Fact]
    public async Task Five_failures_throttle_that_client_for_a_known_or_unknown_address_while_another_client_signs_in()
    {
        var known = await NewAccountAsync("guessed");
        var unknown = SecretariatPrincipals.UniqueEmail("nobody");
        var guesser = portal.ClientAt("203.0.113.5");

        var knownAnswers = await FailAsync(guesser, known.Email!, 5);
        var unknownAnswers = await FailAsync(guesser, unknown, 5);
        var rightPasswordFromGuesser = await FormSignIn.SignInAsync(guesser, known.Email!);
        var owner = portal.ClientAt("192.0.2.44");
        var ownerSignsIn = await FormSignIn.SignInAsync(owner, known.Email!);

        Assert.All(knownAnswers.Take(4).Concat(unknownAnswers.Take(4)), answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(portal.Clock.GetUtcNow().AddMinutes(1).ToUnixTimeSeconds(), RetryAt(knownAnswers[4]));
        Assert.Equal(knownAnswers[4].Headers.Location, unknownAnswers[4].Headers.Location);
        Assert.Equal(knownAnswers[4].Headers.Location, rightPasswordFromGuesser.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, ownerSignsIn.StatusCode);
        Assert.Contains("Welcome,", await owner.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("Welcome,", await guesser.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_client_waits_longer_after_each_further_failure_and_is_told_so_in_its_language()
    {
        var known = await NewAccountAsync("patient");
        var guesser = portal.ClientAt("203.0.113.6");

        var first = (await FailAsync(guesser, known.Email!, 5))[^1];
        var whileBlocked = await FormSignIn.SignInAsync(guesser, known.Email!, WrongPassword);
        portal.Clock.Now = DateTimeOffset.FromUnixTimeSeconds(RetryAt(first)!.Value);
        var second = await FormSignIn.SignInAsync(guesser, known.Email!, WrongPassword);
        var secondStart = portal.Clock.GetUtcNow();
        portal.Clock.Now = DateTimeOffset.FromUnixTimeSeconds(RetryAt(second)!.Value);
        var third = await FormSignIn.SignInAsync(guesser, known.Email!, WrongPassword);
        var thirdStart = portal.Clock.GetUtcNow();

        Assert.Equal(first.Headers.Location, whileBlocked.Headers.Location);
        Assert.Equal(secondStart.AddMinutes(2).ToUnixTimeSeconds(), RetryAt(second));
        Assert.Equal(thirdStart.AddMinutes(4).ToUnixTimeSeconds(), RetryAt(third));
        var english = await guesser.GetStringAsync(third.Headers.Location);
        Assert.Contains("Try again in 4 minutes.", english, StringComparison.Ordinal);
        using var dutch = new HttpRequestMessage(HttpMethod.Get, third.Headers.Location);
        dutch.Headers.AcceptLanguage.ParseAdd("nl");
        var dutchPage = await (await guesser.SendAsync(dutch)).Content.ReadAsStringAsync();
        Assert.Contains("Probeer het over 4 minuten opnieuw.", dutchPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owner_is_mailed_once_in_their_language_when_their_address_is_throttled_and_nobody_for_an_unknown_one()
    {
        var owner = await NewAccountAsync("mailed", account => account.PreferredCulture = "fr");
        var unknown = SecretariatPrincipals.UniqueEmail("nobody");

        await FailAsync(portal.ClientAt("203.0.113.7"), owner.Email!, 7);
        await FailAsync(portal.ClientAt("203.0.113.8"), owner.Email!, 5);
        await FailAsync(portal.ClientAt("203.0.113.9"), unknown, 5);
        // Mails leave in order from one queue: once a later throttle's mail is there, every earlier one has been sent.
        var later = await NewAccountAsync("later");
        await FailAsync(portal.ClientAt("203.0.113.10"), later.Email!, 5);
        await portal.WaitForMailToAsync(later.Email!);

        var mail = Assert.Single(portal.To(owner.Email!));
        Assert.Equal("La connexion à votre compte a été suspendue", mail.Subject);
        Assert.Contains("depuis l’adresse 203.0.113.7", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Modifier votre mot de passe", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("secrétariat du pacte", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(portal.To(unknown));
    }

    [Fact]
    public async Task Many_failures_from_many_clients_hold_back_new_clients_but_not_one_that_signed_in_before()
    {
        var target = await NewAccountAsync("targeted");
        Assert.Equal(HttpStatusCode.Redirect, (await FormSignIn.SignInAsync(portal.ClientAt("192.0.2.50"), target.Email!)).StatusCode);
        var usual = portal.ClientAt("192.0.2.50");
        var capReachedAt = portal.Clock.GetUtcNow();

        var bots = SignInGuessingPortal.FailuresPerAccount / 2;
        for (var bot = 1; bot <= bots; bot++)
        {
            // Two failures each: no client reaches its own limit, but the last failure reaches the account's.
            var answers = await FailAsync(portal.ClientAt($"203.0.113.{100 + bot}"), target.Email!, 2);
            Assert.All(answers.Take(bot < bots ? 2 : 1), answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
            Assert.Equal(bot == bots, RetryAt(answers[^1]) is not null);
        }

        var newcomer = await FormSignIn.SignInAsync(portal.ClientAt("192.0.2.51"), target.Email!);
        var fromUsualPlace = await FormSignIn.SignInAsync(usual, target.Email!);
        portal.Clock.Now = DateTimeOffset.FromUnixTimeSeconds(RetryAt(newcomer)!.Value);
        var newcomerLater = await FormSignIn.SignInAsync(portal.ClientAt("192.0.2.51"), target.Email!);

        Assert.Equal(capReachedAt.AddMinutes(1).ToUnixTimeSeconds(), RetryAt(newcomer));
        Assert.Equal(HttpStatusCode.Redirect, fromUsualPlace.StatusCode);
        Assert.Null(RetryAt(fromUsualPlace));
        Assert.Contains("Welcome,", await usual.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, newcomerLater.StatusCode);
        Assert.Null(RetryAt(newcomerLater));
    }

    [Fact]
    public async Task One_client_cannot_lock_the_secretariat_admin_out()
    {
        // The authenticator code follows the portal's clock, and a person's app follows the real one.
        portal.Clock.Now = SignInGuessingPortal.WholeSecondsNow();
        var guesser = portal.ClientAt("203.0.113.66");

        var answers = await FailAsync(guesser, DemoAccounts.Admin, 12);
        var admin = portal.ClientAt("192.0.2.1");
        var signedIn = await FormSignIn.SignInAsync(admin, DemoAccounts.Admin, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);

        Assert.NotNull(RetryAt(answers[^1]));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("data-testid=\"home-secretariat\"", await admin.GetStringAsync("/"), StringComparison.Ordinal);
        var account = await WithUsersAsync(users => users.FindByEmailAsync(DemoAccounts.Admin));
        Assert.Null(account!.LockoutEnd);
        Assert.Equal(0, account.AccessFailedCount);
    }

    [Fact]
    public async Task Counts_are_shared_by_portal_instances_and_forgotten_ones_are_pruned()
    {
        var known = await NewAccountAsync("shared");
        await FailAsync(portal.ClientAt("203.0.113.77"), known.Email!, 5);
        await using var secondInstance = portal.WithWebHostBuilder(_ => { });
        var client = secondInstance.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Test-Client-Address", "203.0.113.77");

        var refusedThere = await FormSignIn.SignInAsync(client, known.Email!);
        await using var db = portal.CreateDbContext();
        var rowsBefore = await db.SignInThrottles.CountAsync();
        portal.Clock.Now += TimeSpan.FromDays(31);
        var pruned = await portal.Services.GetRequiredService<SignInThrottling>().PruneAsync(CancellationToken.None);

        Assert.NotNull(RetryAt(refusedThere));
        Assert.True(pruned > 0 && pruned == rowsBefore, $"{pruned} of {rowsBefore} rows pruned.");
        Assert.Equal(0, await db.SignInThrottles.CountAsync());
    }

    private static async Task<List<HttpResponseMessage>> FailAsync(HttpClient client, string email, int times)
    {
        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < times; attempt++)
        {
            answers.Add(await FormSignIn.SignInAsync(client, email, WrongPassword));
        }

        return answers;
    }

    /// <summary>The time in a throttled answer's redirect to the Lockout page, or null for any other answer.</summary>
    private static long? RetryAt(HttpResponseMessage response)
    {
        var match = RetryAtQuery().Match(response.Headers.Location?.OriginalString ?? string.Empty);
        return response.StatusCode == HttpStatusCode.Redirect && match.Success
            ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;
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

    [GeneratedRegex(@"Account/Lockout\?retryAt=(\d+)")]
    private static partial Regex RetryAtQuery();

    // Antiforgery tokens (one per form) and the persisted component state are Data Protection payloads: CfDJ8….
    [GeneratedRegex("CfDJ8[A-Za-z0-9_+/=-]+")]
    private static partial Regex AntiforgeryValue();
}
